package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case slice through the gateway, with real Keycloak tokens, the services and the gateway as separate processes.
 * The link test crosses processes both ways: case-service sends a command that intel-service handles, and
 * intel-service's event reaches case-service's view.
 */
@ExtendWith(RunningPlatform.class)
class CaseSliceIT {

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String cnSupervisor;
    static String us;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        cnSupervisor = RunningPlatform.token("cn.supervisor");
        us = RunningPlatform.token("us.investigator");
    }

    @Test
    void aCaseIsVisibleToAPartnerOnlyOnceReleasedAndItsHistorySaysWhoDidWhat() {
        String clientCorrelationId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> created = send(request("POST", "/api/cases", cn, """
                {"title":"Operation Nightjar","summary":"Precursors via transshipment","partnerAgencies":[],
                 "tlp":"TLP:AMBER","handlingCode":"H1"}""").header("X-Correlation-Id", clientCorrelationId));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        // the gateway mints the request's correlation id and keeps the client's beside it
        String correlationId = created.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(correlationId).isNotEqualTo(clientCorrelationId);
        assertThat(created.headers().firstValue("X-Client-Correlation-Id")).contains(clientCorrelationId);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(RunningPlatform.json(created).path("leadAgency").asText()).isEqualTo("CN-NNCC");

        HttpResponse<String> hidden = gateway.get(location, us);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ids(gateway.get("/api/cases?size=100", us))).doesNotContain(idOf(location));

        // the investigator who opened the case does not add a partner (issue 15); a supervisor of the lead agency does
        assertThat(send(request("POST", location + "/partners", cn, "{\"agency\":\"US-DEA\"}")
                .header("If-Match", "\"0\"")).statusCode()).isEqualTo(403);
        HttpResponse<String> stale = send(request("POST", location + "/partners", cnSupervisor, "{\"agency\":\"US-DEA\"}")
                .header("If-Match", "\"7\""));
        assertThat(stale.statusCode()).isEqualTo(412);

        HttpResponse<String> added = send(request("POST", location + "/partners", cnSupervisor, "{\"agency\":\"US-DEA\"}")
                .header("If-Match", "\"0\""));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> visible = gateway.get(location, us);
        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(RunningPlatform.json(visible).path("partnerAgencies").toString()).contains("US-DEA");
        assertThat(ids(gateway.get("/api/cases?size=100", us))).contains(idOf(location));

        JsonNode history = RunningPlatform.json(gateway.get(location + "/history", us));
        assertThat(history.path("events")).hasSize(2);
        JsonNode opened = history.path("events").get(0);
        JsonNode partnerAdded = history.path("events").get(1);
        assertThat(opened.path("type").asText()).isEqualTo("CaseOpenedEvent");
        assertThat(opened.path("actor").asText()).isEqualTo("cn.investigator");
        assertThat(opened.path("agency").asText()).isEqualTo("CN-NNCC");
        assertThat(opened.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(opened.path("clientCorrelationId").asText()).isEqualTo(clientCorrelationId);
        assertThat(partnerAdded.has("clientCorrelationId")).as("the supervisor's request sent none").isFalse();
        assertThat(partnerAdded.path("type").asText()).isEqualTo("CasePartnerAddedEvent");
        assertThat(partnerAdded.path("actor").asText()).isEqualTo("cn.supervisor");
        assertThat(partnerAdded.path("payload").path("agency").asText()).isEqualTo("US-DEA");
        // a partner is answered each event's place in the case, never its global position (whose gaps would tell how
        // much happened elsewhere); auditors are
        assertThat(opened.has("globalPosition")).isFalse();
        assertThat(partnerAdded.has("globalPosition")).isFalse();
        assertThat(partnerAdded.path("sequence").asLong()).isEqualTo(1);
        JsonNode audited = RunningPlatform.json(gateway.get(location + "/history", RunningPlatform.token("auditor")))
                .path("events");
        assertThat(audited.get(1).path("globalPosition").asLong())
                .isGreaterThan(audited.get(0).path("globalPosition").asLong());
    }

    @Test
    void withoutATokenTheGatewayAnswers401AndAWrongRoleGets403() {
        assertThat(send(HttpRequest.newBuilder(gateway.uri("/api/cases")).GET()).statusCode()).isEqualTo(401);
        // finance officers have no business with cases: refused at the gateway
        assertThat(gateway.get("/api/cases", RunningPlatform.token("us.finance")).statusCode()).isEqualTo(403);
        // auditors read, but do not open cases: refused by case-service
        HttpResponse<String> auditorCreate = gateway.post("/api/cases", RunningPlatform.token("auditor"),
                Map.of("title", "x", "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(auditorCreate.statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIs400NamingTheFieldAndStoresNothing() {
        long before = total(cn);
        HttpResponse<String> response = send(request("POST", "/api/cases", cn,
                "{\"title\":\"\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningPlatform.json(response).path("errors").get(0).path("field").asText()).isEqualTo("title");
        HttpResponse<String> badLabel = send(request("POST", "/api/cases", cn,
                "{\"title\":\"x\",\"tlp\":\"AMBER\",\"handlingCode\":\"H1\"}"));
        assertThat(badLabel.statusCode()).isEqualTo(400);
        assertThat(RunningPlatform.json(badLabel).path("errors").get(0).path("field").asText()).isEqualTo("tlp");
        assertThat(total(cn)).isEqualTo(before);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResultAndCreatesNothingNew() {
        String key = "e2e-" + UUID.randomUUID();
        String body = "{\"title\":\"Retried\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}";
        long before = total(cn);
        HttpResponse<String> first = send(request("POST", "/api/cases", cn, body).header("Idempotency-Key", key));
        HttpResponse<String> retry = send(request("POST", "/api/cases", cn, body).header("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(total(cn)).isEqualTo(before + 1);
    }

    @Test
    void linkingAReportGoesThroughIntelServiceAndComesBackAsAnEvent() {
        String caseLocation = send(request("POST", "/api/cases", cn, """
                {"title":"Linked","partnerAgencies":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .headers().firstValue("Location").orElseThrow();
        String shared = report(List.of("US-DEA"));
        String ownOnly = report(List.of());

        HttpResponse<String> linked = gateway.post(caseLocation + "/links", cn,
                Map.of("itemType", "INTEL_REPORT", "itemId", shared));
        assertThat(linked.statusCode()).isEqualTo(200);
        JsonNode items = RunningPlatform.json(linked).path("linkedItems");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("id").asText()).isEqualTo(shared);
        assertThat(items.get(0).path("title").asText()).isEqualTo("Route report");

        // intel-service refuses: US-DEA, a partner of the case, may not see this report
        HttpResponse<String> refused = gateway.post(caseLocation + "/links", cn,
                Map.of("itemType", "INTEL_REPORT", "itemId", ownOnly));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(RunningPlatform.json(refused).path("detail").asText()).contains("US-DEA");
        assertThat(RunningPlatform.json(gateway.get(caseLocation, us)).path("linkedItems")).hasSize(1);
    }

    private static String report(List<String> releasedTo) {
        HttpResponse<String> response = gateway.post("/api/intel/reports", cn, Map.of(
                "title", "Route report", "summary", "Waypoints", "category", "TRAFFICKING_ROUTE",
                "sourceReliability", "B", "informationCredibility", 2, "releasedTo", releasedTo,
                "tlp", "TLP:AMBER", "handlingCode", "H2"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        // only a disseminated report reaches its recipients, and so may be linked to a case they take part in
        assertThat(gateway.post(location + "/submission", cn, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = gateway.post(location + "/approval", cnSupervisor, Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return idOf(location);
    }

    private static long total(String token) {
        return RunningPlatform.json(gateway.get("/api/cases?size=1", token)).path("totalItems").asLong();
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        return RunningPlatform.json(page).path("items").findValuesAsText("id");
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpRequest.Builder request(String method, String path, String token, String json) {
        return HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return RunningPlatform.send(request.build());
    }
}
