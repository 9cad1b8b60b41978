package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The gateway as an attacker tries it, through the real gateway with real tokens: a client-chosen correlation id
 * (another request's, to mix its events into that request's audit trail) never becomes the id auditors query by;
 * encoded and unnormalised paths are refused as problems before any service sees them; the gateway's metrics are not
 * served on its public port.
 */
@ExtendWith(RunningPlatform.class)
class GatewayHardeningIT {

    static final String RUN = "gh-" + UUID.randomUUID().toString().substring(0, 8);

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String us;
    static String auditor;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        us = RunningPlatform.token("us.investigator");
        auditor = RunningPlatform.token("auditor");
    }

    @Test
    void aClientChosenCorrelationIdNeverBecomesTheIdAuditorsQueryBy() {
        // the victim's request: the gateway names it
        HttpResponse<String> victim = openCase(cn, "Victim " + RUN, null);
        String victimId = victim.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThatCode(() -> UUID.fromString(victimId)).doesNotThrowAnyException();
        assertThat(victim.headers().firstValue("X-Client-Correlation-Id")).isEmpty();

        // the attacker reuses the victim's id for a request of its own
        HttpResponse<String> attack = openCase(us, "Attacker " + RUN, victimId);
        String attackId = attack.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(attackId).isNotEqualTo(victimId);
        assertThat(attack.headers().firstValue("X-Client-Correlation-Id")).contains(victimId);

        // by the victim's id: the victim's request and nothing of the attacker's
        JsonNode byVictimId = auditEvents(victimId);
        assertThat(byVictimId).hasSize(1);
        assertThat(byVictimId.get(0).path("itemId").asText()).isEqualTo(idOf(victim));
        assertThat(byVictimId.get(0).path("actor").asText()).isEqualTo("cn.investigator");
        assertThat(byVictimId.get(0).has("clientCorrelationId")).isFalse();

        // by the id the gateway returned to the attacker: its events, the value it chose kept as the client's field
        JsonNode byAttackId = auditEvents(attackId);
        assertThat(byAttackId).hasSize(1);
        assertThat(byAttackId.get(0).path("itemId").asText()).isEqualTo(idOf(attack));
        assertThat(byAttackId.get(0).path("correlationId").asText()).isEqualTo(attackId);
        assertThat(byAttackId.get(0).path("clientCorrelationId").asText()).isEqualTo(victimId);

        // a label of the client's own finds nothing as a correlation id, and shows in the item's history beside it
        String label = RUN + "-label";
        HttpResponse<String> labelled = openCase(us, "Labelled " + RUN, label);
        assertThat(auditEvents(label)).isEmpty();
        JsonNode opened = RunningPlatform.json(gateway.get(location(labelled) + "/history", us)).path("events").get(0);
        assertThat(opened.path("correlationId").asText())
                .isEqualTo(labelled.headers().firstValue("X-Correlation-Id").orElseThrow());
        assertThat(opened.path("clientCorrelationId").asText()).isEqualTo(label);
    }

    @Test
    void anUnsafeClientCorrelationIdIsRefusedAndChangesNothing() {
        Instant before = Instant.now();
        for (String unsafe : List.of("x\"}{\"admin\":true", "two words", "a".repeat(65), "a,b")) {
            HttpResponse<String> refused = RunningPlatform.send(HttpRequest.newBuilder(gateway.uri("/api/cases"))
                    .header("Authorization", "Bearer " + RunningPlatform.token("mx.investigator"))
                    .header("Content-Type", "application/json")
                    .header("X-Correlation-Id", unsafe)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"Refused " + RUN + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                    .build());
            assertThat(refused.statusCode()).as(unsafe).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(RunningPlatform.json(refused).path("errors").get(0).path("field").asText())
                    .isEqualTo("X-Correlation-Id");
        }
        JsonNode stored = RunningPlatform.json(gateway.get("/api/audit/events?actor=mx.investigator&from="
                + before + "&size=100", auditor)).path("events");
        assertThat(stored).as("events of the refused requests").isEmpty();
    }

    @Test
    void encodedAndUnnormalisedPathsAreProblemsThatNoServiceSees() throws IOException {
        // each of these, reaching case-service, would be served (';' and '..' resolved) or answered with Tomcat's
        // HTML page; through the gateway each is a 400 problem
        List<String> paths = List.of("/api/cases/%2e%2e/audit/events", "/api/cases/..%2Faudit%2Fevents",
                "/api/cases/a%2Fb", "/api/cases/a%5Cb", "/api/cases/a\\b", "/api/cases/a%00b", "/api/cases/a%252Fb",
                "/api/cases;jsessionid=x", "/api/cases/c;x=y", "/api//cases", "//api/cases",
                "/api/cases/../audit/events", "/api/cases/./x", "/api/cases/%2e%2e/%2e%2e/actuator/prometheus");
        for (String path : paths) {
            RawAnswer answer = raw("GET " + path + " HTTP/1.1", auditor);
            assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
            assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(answer.header("x-correlation-id")).as(path).isNotBlank();
            JsonNode problem = RunningPlatform.parse(answer.body());
            assertThat(problem.path("status").asInt()).as(path).isEqualTo(400);
            assertThat(problem.path("detail").asText()).as(path).isNotBlank();
        }
        // no route at all: a 404 problem
        HttpResponse<String> unknown = gateway.get("/api/unknown/x", auditor);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        // the same request, plainly written, is served
        assertThat(raw("GET /api/audit/events?size=1 HTTP/1.1", auditor).status()).isEqualTo(200);
    }

    @Test
    void theGatewaysMetricsAreNotServedOnItsPublicPort() throws IOException {
        String admin = RunningPlatform.token("admin");
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator/info",
                "/actuator/env", "/actuator")) {
            HttpResponse<String> anonymous = gateway.get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("# HELP", "jvm_");
            HttpResponse<String> operator = gateway.get(path, admin);
            assertThat(operator.statusCode()).as(path).isEqualTo(404);
            assertThat(operator.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(operator.body()).as(path).doesNotContain("# HELP", "jvm_");
        }
        // nor through a path that would resolve to it
        assertThat(raw("GET /api/%2e%2e/actuator/prometheus HTTP/1.1", null).status()).isEqualTo(400);
        assertThat(raw("GET /api/../actuator/prometheus HTTP/1.1", null).status()).isEqualTo(400);
        // the probes still answer there, status only
        HttpResponse<String> readiness = gateway.get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(RunningPlatform.json(readiness).path("status").asText()).isEqualTo("UP");
        assertThat(RunningPlatform.json(readiness).has("components")).isFalse();
    }

    // --- requests

    private static HttpResponse<String> openCase(String token, String title, String clientCorrelationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/api/cases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"" + title + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"));
        if (clientCorrelationId != null) {
            request.header("X-Correlation-Id", clientCorrelationId);
        }
        HttpResponse<String> created = RunningPlatform.send(request.build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created;
    }

    private static JsonNode auditEvents(String correlationId) {
        HttpResponse<String> answer = gateway.get("/api/audit/events?correlationId="
                + URLEncoder.encode(correlationId, StandardCharsets.UTF_8), auditor);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningPlatform.json(answer).path("events");
    }

    private static String location(HttpResponse<String> created) {
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static String idOf(HttpResponse<String> created) {
        String location = location(created);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** One HTTP/1.1 answer read off a socket. */
    record RawAnswer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One request written byte for byte, so no client library normalises or encodes its path first. */
    private static RawAnswer raw(String requestLine, String token) throws IOException {
        URI base = URI.create(gateway.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = requestLine + "\r\nHost: " + base.getHost() + "\r\n"
                    + (token != null ? "Authorization: Bearer " + token + "\r\n" : "")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            String body = response.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), headers, body);
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
}
