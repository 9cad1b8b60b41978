package io.jointops.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for integration tests, one per test JVM: S3Proxy on the local file system (a directory
 * under {@code target/}), started as a process of its own from its self-contained jar, which the module's build copies
 * to {@code target/s3proxy/s3proxy.jar} (or {@code -Djointops.test.s3proxy.jar=...}). It listens on loopback only,
 * signs with fixed test credentials, and stops with the JVM. A missing jar fails the test: it is never skipped.
 * <p>
 * Use from a Spring test: {@code TestObjectStore.register(registry, "a-bucket")} sets {@code jointops.evidence.store=s3}
 * and the rest, after making the bucket.
 */
public final class TestObjectStore {

    public static final String ACCESS_KEY = "jointops-test-access";
    public static final String SECRET_KEY = "jointops-test-secret-of-s3proxy";
    public static final String REGION = "us-east-1";

    private static Process process;
    private static String endpoint;

    private TestObjectStore() {
    }

    /** The server's URL, starting it the first time. */
    public static synchronized String endpoint() {
        if (process == null || !process.isAlive()) {
            start();
        }
        return endpoint;
    }

    /**
     * A Spring test's evidence store: this server, bucket {@code bucket} (made now, if missing), path-style, the
     * test credentials.
     */
    public static void register(DynamicPropertyRegistry registry, String bucket) {
        String url = endpoint();
        try (S3Client s3 = client()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(request -> request.bucket(bucket));
            }
        }
        registry.add("jointops.evidence.store", () -> "s3");
        registry.add("jointops.evidence.s3.endpoint", () -> url);
        registry.add("jointops.evidence.s3.region", () -> REGION);
        registry.add("jointops.evidence.s3.bucket", () -> bucket);
        registry.add("jointops.evidence.s3.path-style", () -> "true");
        registry.add("jointops.evidence.s3.access-key", () -> ACCESS_KEY);
        registry.add("jointops.evidence.s3.secret-key", () -> SECRET_KEY);
    }

    /** A client of the server, for a test to look at (or tamper with) what is stored; close it after use. */
    public static S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The keys stored in {@code bucket} under {@code prefix}. */
    public static List<String> keys(String bucket, String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    private static void start() {
        Path jar = Path.of(System.getProperty("jointops.test.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Proxy jar at " + jar.toAbsolutePath() + ": the module's build "
                    + "copies it there (maven-dependency-plugin, execution s3proxy-for-tests) before the tests run");
        }
        int port = TestService.freePort();
        try {
            Path home = Files.createDirectories(jar.toAbsolutePath().getParent().resolve("run-" + port));
            Path data = Files.createDirectories(home.resolve("data"));
            Path config = home.resolve("s3proxy.conf");
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                    ""));
            Path log = home.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "--properties",
                    config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "s3proxy-stop"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("S3Proxy did not start on 127.0.0.1:" + port + "; its log: "
                            + Files.readString(log));
                }
                Thread.sleep(200);
            }
            endpoint = "http://127.0.0.1:" + port;
            System.out.println("[test-object-store] S3Proxy " + endpoint + " on " + data.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
