package io.jointops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.http.HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS;
import static org.springframework.http.HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
import static org.springframework.http.HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS;
import static org.springframework.http.HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS;
import static org.springframework.http.HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD;
import static org.springframework.http.HttpHeaders.ORIGIN;
import static org.springframework.http.HttpHeaders.RETRY_AFTER;
import static org.springframework.http.HttpHeaders.WWW_AUTHENTICATE;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.jointops.gateway.StubServices.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as a client sees it: a real server on a random port, real signed tokens checked
 * through the production issuer-uri path, and a stub standing in for the services and Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // low enough to hit in a test; every other test uses a fresh subject, so a bucket of its own
        "jointops.rate-limit.capacity=5",
        "jointops.rate-limit.refill-tokens=1",
        "jointops.rate-limit.refill-period=1m",
        "jointops.cors.allowed-origins=https://ui.jointops.test,http://localhost:5173",
        "logging.level.io.jointops.gateway=DEBUG",
        // below the stub's slow answer (StubServices.SLOW_MILLIS)
        "jointops.slow-request-threshold=500ms",
        // Reactor Netty's graceful stop now and then waits its full 30 s at JVM exit although every
        // exchange had completed; shutdown behaviour is not what this test is about
        "server.shutdown=immediate"})
// tests switch metrics export off by default; the Prometheus endpoint is part of what is tested here
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {

    private static final String UI_ORIGIN = "https://ui.jointops.test";
    private static final String CORRELATION = "X-Correlation-Id";
    private static final String CLIENT_CORRELATION = "X-Client-Correlation-Id";

    private static final TestTokens tokens = new TestTokens();
    private static final StubServices stub = startStub();

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    private static StubServices startStub() {
        try {
            StubServices services = new StubServices(tokens.key());
            tokens.issuer(services.issuer());
            return services;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtStub(DynamicPropertyRegistry registry) {
        stub.routeProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        stub.clear();
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    @Test
    void requestWithoutTokenGets401ProblemAndNeverReachesService() {
        client.get().uri("/api/cases/c-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(CORRELATION)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo("/api/cases/c-1");
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void tokensTheGatewayMustNotTrustGet401() {
        Instant past = Instant.now().minusSeconds(3600);
        List<String> untrusted = List.of(
                TestTokens.sign(TestTokens.generate("test-key"), tokens.keycloakClaims("investigator").build()),
                tokens.signed(tokens.keycloakClaims("investigator").audience("account")),
                tokens.signed(tokens.keycloakClaims("investigator").issuer("http://127.0.0.1:1/realms/other")),
                tokens.signed(tokens.keycloakClaims("investigator").issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))),
                "not-a-jwt");
        for (String token : untrusted) {
            client.get().uri("/api/cases/c-1").headers(bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void rolesAreCheckedPerRoute() {
        String financeOfficer = tokens.forRoles("finance-officer");
        client.get().uri("/api/cases/c-1").headers(bearer(financeOfficer)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.instance").isEqualTo("/api/cases/c-1");
        client.get().uri("/api/chemicals/pen-1").headers(bearer(financeOfficer)).exchange().expectStatus().isForbidden();
        client.get().uri("/api/finance/str-1").headers(bearer(financeOfficer)).exchange().expectStatus().isOk();

        String chemicalOfficer = tokens.forRoles("chemical-officer");
        client.get().uri("/api/intel/r-1").headers(bearer(chemicalOfficer)).exchange().expectStatus().isForbidden();
        client.get().uri("/api/chemicals/pen-1").headers(bearer(chemicalOfficer)).exchange().expectStatus().isOk();

        client.get().uri("/api/finance/str-2").headers(bearer(tokens.forRoles("auditor"))).exchange().expectStatus().isOk();
        client.get().uri("/api/cases/c-2").headers(bearer(tokens.forRoles())).exchange().expectStatus().isForbidden();

        assertThat(stub.received()).extracting(Received::path)
                .containsExactly("/api/finance/str-1", "/api/chemicals/pen-1", "/api/finance/str-2");
    }

    @Test
    void auditIsForAuditorsPlatformAdminsAndSigningSystemsOnly() {
        client.get().uri("/api/audit/checkpoints").headers(bearer(tokens.forRoles("investigator", "supervisor")))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/audit/checkpoints").headers(bearer(tokens.forRoles("auditor"))).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/audit/events").headers(bearer(tokens.forRoles("platform-admin"))).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/audit/checkpoints/latest").headers(bearer(tokens.forRoles("notary-signer"))).exchange()
                .expectStatus().isOk();
        assertThat(stub.received()).extracting(Received::path)
                .containsExactly("/api/audit/checkpoints", "/api/audit/events", "/api/audit/checkpoints/latest");
    }

    @Test
    void tokenWithoutAgencyGets403() {
        String noAgency = tokens.signed(tokens.keycloakClaims("investigator").claim("agency", null));
        client.get().uri("/api/cases/c-1").headers(bearer(noAgency)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void routedRequestReachesServiceUnchangedWithTokenAndCorrelationId() {
        String token = tokens.forRoles("investigator");
        var result = client.post().uri("/api/intel/reports/r-1/grading?draft=true")
                .headers(bearer(token))
                .header(ORIGIN, UI_ORIGIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"grade\":\"B2\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ACCESS_CONTROL_ALLOW_ORIGIN, UI_ORIGIN)
                .expectHeader().value(ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains(CORRELATION, CLIENT_CORRELATION, "ETag", "Location"))
                .expectBody().jsonPath("$.stub").isEqualTo("/api/intel/reports/r-1/grading")
                .returnResult();

        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.path()).isEqualTo("/api/intel/reports/r-1/grading");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(received.header(CORRELATION)).isNotBlank()
                    .isEqualTo(result.getResponseHeaders().getFirst(CORRELATION));
        });
    }

    @Test
    void theGatewayMintsTheCorrelationIdAndKeepsTheClientsBesideIt() {
        var result = client.get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("supervisor")))
                .header(CORRELATION, "ui-4711.case_open-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(CLIENT_CORRELATION, "ui-4711.case_open-1")
                .expectBody().returnResult();
        String minted = result.getResponseHeaders().getFirst(CORRELATION);
        assertThatCode(() -> UUID.fromString(minted)).doesNotThrowAnyException();
        // the service answered the id back (as the services do): the answer still carries it once
        assertThat(result.getResponseHeaders().get(CORRELATION)).containsExactly(minted);
        assertThat(result.getResponseHeaders().get(CLIENT_CORRELATION)).containsExactly("ui-4711.case_open-1");
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.header(CORRELATION)).isEqualTo(minted);
            assertThat(received.header(CLIENT_CORRELATION)).isEqualTo("ui-4711.case_open-1");
        });
    }

    @Test
    void aClientCannotReuseAnotherRequestsCorrelationId() {
        String first = client.get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("analyst"))).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst(CORRELATION);
        // the attacker replays the first request's id, once as its own and once forged as the client field
        client.get().uri("/api/cases/c-2").headers(bearer(tokens.forRoles("analyst")))
                .header(CORRELATION, first).exchange()
                .expectStatus().isOk()
                .expectHeader().value(CORRELATION, id -> assertThat(id).isNotEqualTo(first))
                .expectHeader().valueEquals(CLIENT_CORRELATION, first);
        client.get().uri("/api/cases/c-3").headers(bearer(tokens.forRoles("analyst")))
                .header(CLIENT_CORRELATION, first).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(CLIENT_CORRELATION);

        assertThat(stub.received()).extracting(received -> received.header(CORRELATION))
                .doesNotHaveDuplicates().hasSize(3).allSatisfy(id -> assertThatCode(() -> UUID.fromString(id))
                        .doesNotThrowAnyException());
        assertThat(stub.received()).extracting(received -> received.header(CLIENT_CORRELATION))
                .containsExactly(null, first, null);
    }

    @Test
    void anUnsafeClientCorrelationIdGets400ProblemNamingTheHeaderAndNeverReachesService() {
        String tooLong = "a".repeat(65);
        for (String given : new String[] {"two words", "x\"}{\"admin\":true", tooLong, "a,b", "caf\u00e9"}) {
            client.get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("analyst")))
                    .header(CORRELATION, given)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(CORRELATION, id -> assertThatCode(() -> UUID.fromString(id)).doesNotThrowAnyException())
                    .expectHeader().doesNotExist(CLIENT_CORRELATION)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.errors[0].field").isEqualTo(CORRELATION)
                    .jsonPath("$.errors[0].detail").isNotEmpty();
        }
        // the header twice: which one would the client look for?
        client.get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("analyst")))
                .header(CORRELATION, "one", "two")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(CORRELATION);
        // the longest accepted
        client.get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("analyst")))
                .header(CORRELATION, "a".repeat(64))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(CLIENT_CORRELATION, "a".repeat(64));
        assertThat(stub.received()).singleElement()
                .satisfies(received -> assertThat(received.header(CLIENT_CORRELATION)).isEqualTo("a".repeat(64)));
    }

    @Test
    void overTheLimitGets429WithRetryAfterAndIsCounted(CapturedOutput output) {
        String token = tokens.forRoles("analyst");
        for (int i = 1; i <= 5; i++) {
            client.get().uri("/api/cases/c-" + i).headers(bearer(token)).exchange().expectStatus().isOk();
        }
        String minted = client.get().uri("/api/cases/c-6").headers(bearer(token)).header(CORRELATION, "rate-limit-probe")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
                .expectHeader().valueEquals(CLIENT_CORRELATION, "rate-limit-probe")
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.instance").isEqualTo("/api/cases/c-6")
                .returnResult().getResponseHeaders().getFirst(CORRELATION);
        assertThat(stub.received()).hasSize(5);

        // the limit is per user: another user of the same client is not affected
        client.get().uri("/api/cases/c-7").headers(bearer(tokens.forRoles("analyst"))).exchange().expectStatus().isOk();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("jointops_gateway_rate_limited_total\\{[^}]*route=\"cases\"[^}]*\\} [1-9]"));

        // the gateway's own log line carries the correlation id of the request it is about, and the client's
        assertThat(output.getOut().lines().filter(line -> line.contains("Rate limit exceeded")))
                .singleElement().asString().contains("\"correlationId\":\"" + minted + "\"")
                .contains("\"clientCorrelationId\":\"rate-limit-probe\"");
    }

    @Test
    void aRequestStillUnansweredAfterTheThresholdIsLoggedWithHowFarItGotAndAgainWhenItEnds(CapturedOutput output)
            throws InterruptedException {
        String minted = client.get().uri(StubServices.SLOW_PATH).headers(bearer(tokens.forRoles("analyst")))
                .header(CORRELATION, "slow-probe").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(CORRELATION);
        // the second line is written once the exchange has ended, which may be just after the client has the answer
        List<String> lines = slowRequestLines(output, minted);
        for (long deadline = System.nanoTime() + 5_000_000_000L; lines.size() < 2 && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            lines = slowRequestLines(output, minted);
        }
        assertThat(lines).hasSize(2);
        // routed, the service's answer awaited; the line names the request (fields nested as ECS has them)
        assertThat(lines.get(0)).contains("not answered yet").contains("\"gateway\":{\"route\":\"cases\",\"stage\":\"routed\"}")
                .contains("\"clientCorrelationId\":\"slow-probe\"")
                .contains("\"url\":{\"path\":\"" + StubServices.SLOW_PATH + "\"}").doesNotContain("status_code");
        assertThat(lines.get(1)).contains("ended").contains("\"stage\":\"service answered\"")
                .contains("\"status_code\":200").contains("\"signal\":\"onComplete\"");
        // a quick answer is not logged
        client.get().uri("/api/cases/c-quick").headers(bearer(tokens.forRoles("analyst"))).exchange()
                .expectStatus().isOk();
        assertThat(output.getOut()).doesNotContain("c-quick after");
    }

    private static List<String> slowRequestLines(CapturedOutput output, String correlationId) {
        return output.getOut().lines().filter(line -> line.contains("\"correlationId\":\"" + correlationId + "\""))
                .filter(line -> line.contains("slow request")).toList();
    }

    @Test
    void preflightIsAnsweredWithoutTokenForConfiguredOriginsOnly() {
        client.options().uri("/api/cases/c-1")
                .header(ORIGIN, UI_ORIGIN)
                .header(ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match, idempotency-key, x-correlation-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ACCESS_CONTROL_ALLOW_ORIGIN, UI_ORIGIN)
                .expectHeader().value(ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("PATCH"));

        client.options().uri("/api/cases/c-1")
                .header(ORIGIN, "https://evil.example")
                .header(ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void healthProbesAreOpenButShowNoDetails() {
        for (WebTestClient port : List.of(client, management())) {
            port.get().uri("/actuator/health/liveness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
            port.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        }
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        management().get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAreServedOnTheManagementPortOnlyNeverOnTheApiPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("http_server_requests"));
        // the API port (the one the Ingress exposes): no actuator beyond the probes, with a token or without
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator/metrics",
                "/actuator")) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
            client.get().uri(path).headers(bearer(tokens.forRoles("platform-admin"))).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
        }
        // nor anything but the actuator on the management port
        management().get().uri("/api/cases/c-1").exchange()
                .expectStatus().isNotFound();
        management().get().uri("/api/cases/c-1").headers(bearer(tokens.forRoles("investigator"))).exchange()
                .expectStatus().isNotFound();
        assertThat(stub.received()).isEmpty();
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
    }

    @Test
    void internalPathsAreNeverRouted() {
        String admin = tokens.forRoles("platform-admin");
        client.post().uri("/spring-command-bus-connector/command").headers(bearer(admin)).bodyValue("{}").exchange()
                .expectStatus().isNotFound();
        client.get().uri("/member-capabilities").headers(bearer(admin)).exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/env").headers(bearer(admin)).exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/gateway/routes").headers(bearer(admin)).exchange().expectStatus().isNotFound();
        client.get().uri("/api/other/x").headers(bearer(admin)).exchange().expectStatus().isNotFound();
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void encodedAndUnnormalisedPathsGet400ProblemAndNeverReachAService() throws Exception {
        String token = tokens.forRoles("investigator", "auditor");
        List<String> paths = List.of(
                "/api/cases/a%2Fb", "/api/cases/a%2fb", "/api/cases/%2e%2e/%2e%2e/actuator/env", "/api/cases/%2E%2E%2Faudit",
                "/api/cases/a%5Cb", "/api/cases/a%5cb", "/api/cases/a\\b", "/api/cases/a%00b", "/api/cases/a%252Fb",
                "/api/cases;jsessionid=x", "/api/cases/c-1;x=y", "/api/cases/a%3Bb", "/api//cases", "//api/cases",
                "/api/cases/../audit/events", "/api/cases/./c-1", "/api/cases/c-1/..", "/api/cases/a%0Ab",
                "/api/intel/reports/%2e%2e%2f%2e%2e%2factuator%2fprometheus",
                // no URI at all: Spring cannot read the target
                "/api/cases/a|b", "/api/cases/%zz", "/api/cases/{id}", "/api/cases/\"x\"");
        for (String path : paths) {
            for (String authorization : new String[] {"Bearer " + token, null}) {
                RawResponse response = raw("GET " + path + " HTTP/1.1", authorization);
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(response.header(CORRELATION)).as(path + " " + response).isNotBlank();
                JsonNode problem = new ObjectMapper().readTree(response.body());
                assertThat(problem.path("status").asInt()).as(path).isEqualTo(400);
                assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
                assertThat(problem.path("detail").asText()).as(path).isNotBlank();
            }
        }
        assertThat(stub.received()).isEmpty();

        // a plain path on the same connection kind is routed
        assertThat(raw("GET /api/cases/c-1 HTTP/1.1", "Bearer " + token).status()).isEqualTo(200);
        assertThat(stub.received()).extracting(Received::path).containsExactly("/api/cases/c-1");
    }

    @Test
    void unknownRoutesGet404Problem() throws Exception {
        String token = tokens.forRoles("platform-admin");
        for (String path : List.of("/api/other/x", "/nothing", "/api", "/v3/api-docs/other", "/actuator/gateway/routes")) {
            client.get().uri(path).headers(bearer(token)).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(CORRELATION)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.title").isEqualTo("Not Found")
                    .jsonPath("$.instance").isEqualTo(path)
                    .jsonPath("$.detail").isNotEmpty();
        }
        // the API documents are routed for GET only
        client.post().uri("/v3/api-docs/cases").headers(bearer(token)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheServicesLimitGets413ProblemWhileItStreams() throws Exception {
        String token = tokens.forRoles("finance-officer");
        // far more than the limit, and never ending for a gateway that waited for the end
        long gigabyte = 1L << 30;
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri("/api/finance/reports")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(gigabyte))).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains(Long.toString(16L * 1024 * 1024));
        assertThat(took).as("refused while the body streamed, not after a gigabyte").isLessThan(Duration.ofSeconds(20));
        // the service got part of the body and then a broken request, never a complete one
        assertThat(stub.received()).isEmpty();

        // a chunked body within the limit is routed whole
        byte[] small = "{\"lines\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> routed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri("/api/finance/reports")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(routed.statusCode()).isEqualTo(200);
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
            assertThat(received.bodyLength()).isEqualTo(small.length);
        });
    }

    /** {@code length} spaces, read lazily. */
    private static final class Spaces extends java.io.InputStream {
        private long left;

        Spaces(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }

    record RawResponse(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One request written byte for byte, so no client library normalises or encodes the path first. */
    private RawResponse raw(String requestLine, String authorization) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = requestLine + "\r\nHost: localhost\r\n"
                    + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headEnd).split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            String body = response.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    @Test
    void aTooLongUriGets414ProblemAtOnceAndNeverReachesService() throws Exception {
        String token = tokens.forRoles("investigator");
        String tooLong = "/api/cases?q=" + "x".repeat(9_000);
        // the JDK client, as the e2e tests use it (it waited out its timeout on Netty's bare 414): its default
        // (HTTP/2 upgrade offered), plain HTTP/1.1, and a POST whose body is never read
        assertProblem(HttpRequest.newBuilder(uri(tooLong)).header("Authorization", "Bearer " + token).GET(),
                HttpClient.Version.HTTP_2, 414, "URI Too Long");
        assertProblem(HttpRequest.newBuilder(uri(tooLong)).header("Authorization", "Bearer " + token).GET(),
                HttpClient.Version.HTTP_1_1, 414, "URI Too Long");
        assertProblem(HttpRequest.newBuilder(uri(tooLong)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")),
                HttpClient.Version.HTTP_1_1, 414, "URI Too Long");
        assertProblem(HttpRequest.newBuilder(uri("/api/cases")).header("Authorization", "Bearer " + token)
                        .header("X-Padding", "p".repeat(20_000)).GET(),
                HttpClient.Version.HTTP_1_1, 431, "Request Header Fields Too Large");
        assertThat(stub.received()).isEmpty();

        // the server is fine afterwards, and a URI up to the services' limit of 8 KB is routed
        client.get().uri("/api/cases?q=" + "y".repeat(7_000)).headers(bearer(token)).exchange()
                .expectStatus().isOk();
        assertThat(stub.received()).singleElement().satisfies(received -> assertThat(received.path()).isEqualTo("/api/cases"));
    }

    @Test
    void aBodyDeclaredOverTheServicesLimitGets413ProblemAndNeverReachesService() throws Exception {
        String token = tokens.forRoles("finance-officer");
        byte[] seventeenMegabytes = new byte[17 * 1024 * 1024];
        Arrays.fill(seventeenMegabytes, (byte) ' ');
        assertProblem(HttpRequest.newBuilder(uri("/api/finance/reports")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(seventeenMegabytes)),
                HttpClient.Version.HTTP_1_1, 413, HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        assertThat(stub.received()).isEmpty();

        // a body within the limit is routed
        client.post().uri("/api/finance/reports").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\":[]}").exchange()
                .expectStatus().isOk();
        assertThat(stub.received()).singleElement().satisfies(received -> assertThat(received.path()).isEqualTo("/api/finance/reports"));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private static void assertProblem(HttpRequest.Builder request, HttpClient.Version version, int status, String title)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(took).as("answered at once, not after the client's timeout").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void swaggerUiListsServiceDocumentsFetchedWithoutToken() {
        client.get().uri("/v3/api-docs/finance").exchange().expectStatus().isOk();
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.path()).isEqualTo("/v3/api-docs");
            assertThat(received.header("Authorization")).isNull();
        });

        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].url").value(containsInAnyOrder(
                        "/v3/api-docs/cases", "/v3/api-docs/intel", "/v3/api-docs/finance", "/v3/api-docs/chemicals"));
        // all under the paths the Ingress routes to the gateway (k8s/base/apps/ingress.yaml): /swagger-ui.html,
        // /swagger-ui, /v3/api-docs
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/swagger-ui/index.html");
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("./swagger-initializer.js"));
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/v3/api-docs/swagger-config"));
    }

    @Test
    void theConsoleIsServedWithoutTokenAndNamesTheRealmItLogsInWith() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                // scripts from the console's own files only; Keycloak's origin for the token endpoint
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self';", "connect-src 'self' " + stub.issuer().replaceAll("(//[^/]+).*", "$1"),
                                "frame-ancestors 'none'"))
                .expectBody(String.class).value(page -> assertThat(page).contains("<script type=\"module\" src=\"/console/app.js\">"));
        client.get().uri("/console/config.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.issuer").isEqualTo(stub.issuer())
                .jsonPath("$.clientId").isEqualTo("jointops-web");
        client.get().uri("/console/app.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("login-required"));
        client.get().uri("/console/vendor/keycloak-js/lib/keycloak.js").exchange().expectStatus().isOk();
        // nothing else is public: no file outside the console's, no write, no service reached
        client.get().uri("/console/nothing.js").exchange().expectStatus().isNotFound();
        client.post().uri("/").exchange().expectStatus().isUnauthorized();
        client.get().uri("/index.html").exchange().expectStatus().isUnauthorized();
        assertThat(stub.received()).isEmpty();
    }
}
