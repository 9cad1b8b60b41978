package io.jointops.infra.e2e;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A partner system's webhook endpoint for the e2e tests: an HTTPS server on loopback with a self-signed certificate
 * made for the test run by the JDK's {@code keytool} (for {@code 127.0.0.1} and {@code localhost}), which the
 * services trust through {@code jointops.webhooks.trust-store} ({@link #serviceArguments}: with loopback allowed and
 * short retries, on every e2e platform). It records every request it gets and answers each path as told.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PASSWORD = "e2e-webhook-receiver";
    private static final String DIRECTORY = "webhook-tls";

    /** One request as it arrived: its path, headers (lower-case names) and raw body. */
    record Received(String path, Map<String, String> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpsServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param status the status to answer a request to a path with */
    private WebhookReceiver(Path tls, Function<String, Integer> status) {
        try {
            Path material = material(tls);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(material.resolve("receiver.p12"))) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                String path = exchange.getRequestURI().getPath();
                received.add(new Received(path, headers, body, Instant.now()));
                exchange.sendResponseHeaders(status.apply(path), -1);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static WebhookReceiver start(Function<String, Integer> status) {
        return new WebhookReceiver(RunningPlatform.platform().options().workDir().resolve(DIRECTORY), status);
    }

    /** {@code https://127.0.0.1:<port><path>}: the certificate names the address. */
    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The services' webhook settings on the e2e platform: this receiver's trust store, loopback, short retries. */
    static List<String> serviceArguments(Path workDir) {
        Path material = material(workDir.resolve(DIRECTORY));
        return List.of(
                "--jointops.webhooks.allow-loopback=true",
                "--jointops.webhooks.trust-store=" + material.resolve("trust.p12"),
                "--jointops.webhooks.trust-store-password=" + PASSWORD,
                "--jointops.webhooks.retry.first=1s",
                "--jointops.webhooks.retry.longest=2s",
                "--jointops.webhooks.retry.attempts=3",
                "--jointops.webhooks.idle-check=2s");
    }

    /** The receiver's key and self-signed certificate, and a trust store holding the certificate: made once per run. */
    private static synchronized Path material(Path dir) {
        Path receiver = dir.resolve("receiver.p12");
        Path trust = dir.resolve("trust.p12");
        if (Files.isRegularFile(trust)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(receiver);
            Path cert = dir.resolve("receiver.crt");
            Files.deleteIfExists(cert);
            keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=jointops-e2e-webhook-receiver", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity", "7", "-storetype", "PKCS12", "-keystore", receiver.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "receiver", "-keystore", receiver.toString(), "-storepass", PASSWORD,
                    "-rfc", "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", "receiver", "-file", cert.toString(), "-storetype", "PKCS12",
                    "-keystore", trust.toString(), "-storepass", PASSWORD);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the webhook receiver's certificate in " + dir, e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
