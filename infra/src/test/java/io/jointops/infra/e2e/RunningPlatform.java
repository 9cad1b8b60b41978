package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.infra.Platform;
import io.jointops.infra.PlatformOptions;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One running JointOps platform per test JVM, for end-to-end tests ({@code *IT}, run by failsafe in
 * the {@code infra} module). Keycloak, PostgreSQL, the services and the gateway are separate
 * processes, started lazily on first use and stopped when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(RunningPlatform.class)
 * class CaseSliceIT {
 *     @Test
 *     void opensACase() {
 *         String token = RunningPlatform.token("cn.investigator");            // password grant, client jointops-cli
 *         HttpResponse<String> response = RunningPlatform.gateway()            // starts services + gateway once
 *                 .post("/api/cases", token, Map.of("title", "...", "summary", "...",
 *                         "partnerAgencies", List.of("US-DEA"), "tlp", "TLP:AMBER", "handlingCode", "H1"));
 *         assertThat(response.statusCode()).isEqualTo(201);
 *         JsonNode body = RunningPlatform.json(response);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 * <li>{@link #token(String)}, {@link #clientToken(String, String)}, {@link #claims(String)} need Keycloak only:
 *     the one {@link TestKeycloak} chooses ({@code KEYCLOAK_URL}, a container of {@code JOINTOPS_TEST_KEYCLOAK_IMAGE},
 *     or the launcher's own).</li>
 * <li>{@link #gateway()} also starts a fresh PostgreSQL, the four services and the gateway (once); it needs the
 *     jars built ({@code ./mvnw package}; the reactor builds them before {@code infra}).</li>
 * <li>Ports are the developer ports plus an offset at which all of them are free (10000, 11000, ...), so tests
 *     run beside a developer's platform; {@code -Djointops.e2e.port-offset=N} fixes it.</li>
 * <li>Logs of every process: {@code infra/target/e2e/logs/<name>.log}.</li>
 * <li>The extension registers the platform in the root {@link ExtensionContext.Store}, so it is stopped when
 *     the whole run ends; a JVM shutdown hook stops it too, for code that uses the static methods without
 *     the extension. A start that failed is not retried: later calls fail with the same message.</li>
 * </ul>
 */
public final class RunningPlatform implements BeforeAllCallback {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningPlatform.class);

    private static volatile Platform platform;
    private static RuntimeException keycloakFailure;
    private static RuntimeException applicationsFailure;
    private static Gateway gateway;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stopper.class, key -> new Stopper(), Stopper.class);
    }

    /** Stops the platform when the root context closes, i.e. at the end of the test run. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stop();
        }
    }

    /** The platform, for what the helpers here do not cover (e.g. {@code platform().jdbcUrl()}). */
    public static synchronized Platform platform() {
        if (platform == null) {
            PlatformOptions options = new PlatformOptions()
                    .root(root())
                    .workDir(root().resolve("infra/target/e2e"))
                    .freshDatabase(true)
                    .portOffset(portOffset());
            // KEYCLOAK_URL's, a container of JOINTOPS_TEST_KEYCLOAK_IMAGE, or (null) the launcher's own
            String keycloakUrl = TestKeycloak.baseUrl("http://localhost:" + options.port(Platform.GATEWAY_PORT));
            if (keycloakUrl != null) {
                options.issuerUri(keycloakUrl + "/realms/" + Realm.NAME);
            }
            // webhooks may reach a test's receiver on loopback, whose self-signed certificate they trust (WebhookReceiver)
            options.serviceArguments(WebhookReceiver.serviceArguments(options.workDir()));
            platform = new Platform(options, new Platform.Listener() {
                @Override
                public void starting(String component, Path log) {
                    System.out.println("[e2e] starting " + component + " (log: " + log + ")");
                }

                @Override
                public void ready(String component, long seconds, String detail) {
                    System.out.println("[e2e] " + component + " ready in " + seconds + " s  " + detail);
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(RunningPlatform::stop, "e2e-platform-stop"));
        }
        return platform;
    }

    /** Issuer of the jointops realm; starts Keycloak if needed. */
    public static synchronized String issuer() {
        if (keycloakFailure != null) throw keycloakFailure;
        try {
            return platform().startKeycloak();
        } catch (RuntimeException e) {
            throw keycloakFailure = e;
        }
    }

    /** Keycloak's base URL, e.g. http://localhost:18180. */
    public static String keycloakUrl() {
        String issuer = issuer();
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    /** The gateway, with PostgreSQL, Keycloak and the four services behind it, started once. */
    public static synchronized Gateway gateway() {
        if (applicationsFailure != null) throw applicationsFailure;
        if (keycloakFailure != null) throw keycloakFailure;
        try {
            // starts Keycloak too, if no test needed it before, together with the services and the gateway
            if (gateway == null) gateway = new Gateway(platform().startApplications());
            return gateway;
        } catch (RuntimeException e) {
            throw applicationsFailure = e;
        }
    }

    /** Access token of a demo user (password grant through jointops-cli, password {@code demo}). */
    public static String token(String username) {
        return accessToken(tokenResponse(username, Realm.PASSWORD), username);
    }

    /** The token endpoint's raw answer to a password grant, e.g. to check that a wrong password is refused. */
    public static HttpResponse<String> tokenResponse(String username, String password) {
        return postForm(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", Realm.CLI_CLIENT, "username", username, "password", password));
    }

    /** Access token of a confidential client (client-credentials grant), e.g. the partner client. */
    public static String clientToken(String clientId, String secret) {
        return accessToken(postForm(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)), clientId);
    }

    /** The claims of a JWT, decoded without checking the signature (the services check it). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    public static HttpClient http() {
        return HTTP;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The gateway's HTTP API; every call sends {@code Authorization: Bearer <token>} when a token is given. */
    public static final class Gateway {
        private final String baseUrl;

        private Gateway(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String baseUrl() { return baseUrl; }

        public URI uri(String path) { return URI.create(baseUrl + path); }

        public HttpResponse<String> get(String path, String token) { return send("GET", path, token, null); }

        /** {@code body}: a JSON string, or an object that Jackson writes as JSON. */
        public HttpResponse<String> post(String path, String token, Object body) { return send("POST", path, token, body); }

        public HttpResponse<String> put(String path, String token, Object body) { return send("PUT", path, token, body); }

        public HttpResponse<String> delete(String path, String token) { return send("DELETE", path, token, null); }

        public HttpResponse<String> send(String method, String path, String token, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json");
            if (token != null) request.header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
            }
            return RunningPlatform.send(request.build());
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String string) return string;
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> postForm(String url, Map<String, String> form) {
        String encoded = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    private static String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + who + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response).path("access_token").asText();
    }

    /** Not synchronized: it must get through while a start holds the lock (Ctrl-C during start-up). */
    private static void stop() {
        Platform started = platform;
        if (started != null) started.close();
    }

    /** The repository root: failsafe passes it; otherwise the working directory or its parent. */
    private static Path root() {
        String configured = System.getProperty("jointops.root");
        if (configured != null) return Path.of(configured).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("infra")) ? cwd : cwd.getParent();
    }

    private static int portOffset() {
        String configured = System.getProperty("jointops.e2e.port-offset");
        if (configured != null) return Integer.parseInt(configured);
        for (int offset = 10_000; offset <= 40_000; offset += 1_000) {
            if (allFree(offset)) return offset;
        }
        throw new IllegalStateException("no port offset between 10000 and 40000 has all platform ports free");
    }

    private static boolean allFree(int offset) {
        if (!Platform.isFree(Platform.GATEWAY_PORT + offset) || !Platform.isFree(Platform.POSTGRES_PORT + offset)
                || !Platform.isFree(Platform.KEYCLOAK_PORT + offset) || !Platform.isFree(Platform.KEYCLOAK_MANAGEMENT_PORT + offset)) {
            return false;
        }
        return Platform.SERVICES.stream().allMatch(s -> Platform.isFree(s.httpPort() + offset) && Platform.isFree(s.busPort() + offset));
    }
}
