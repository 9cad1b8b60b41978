package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint case and a cooperation request across agencies, through the gateway with real Keycloak tokens: CN-NNCC
 * opens a case with US-DEA, joins members, sends an urgent information request; US-DEA acknowledges and answers
 * partially, then fully; MX-FGR, a third agency, sees none of it; the timeline shows the whole exchange in order.
 */
@ExtendWith(RunningPlatform.class)
class CaseCooperationIT {

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String us;
    static String mx;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        us = RunningPlatform.token("us.investigator");
        mx = RunningPlatform.token("mx.investigator");
    }

    @Test
    void aCnCaseWithAUsPartnerRunsAnUrgentInformationRequestThatAThirdAgencyNeverSees() {
        HttpResponse<String> opened = gateway.post("/api/cases", cn, Map.of("title", "Operation Kestrel",
                "summary", "NPP shipments through a transshipment hub", "partnerAgencies", List.of("US-DEA"),
                "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseLocation = opened.headers().firstValue("Location").orElseThrow();
        String caseId = caseLocation.substring(caseLocation.lastIndexOf('/') + 1);

        assertThat(ok(gateway.post(caseLocation + "/members", cn,
                Map.of("username", "cn.investigator", "agency", "CN-NNCC", "role", "LEAD_INVESTIGATOR"))).statusCode()).isEqualTo(200);
        assertThat(ok(gateway.post(caseLocation + "/members", cn,
                Map.of("username", "cn.analyst", "agency", "CN-NNCC", "role", "ANALYST"))).statusCode()).isEqualTo(200);
        JsonNode withMembers = RunningPlatform.json(ok(gateway.post(caseLocation + "/members", cn,
                Map.of("username", "us.investigator", "agency", "US-DEA", "role", "LIAISON"))));
        assertThat(withMembers.path("members").findValuesAsText("username"))
                .containsExactly("cn.analyst", "cn.investigator", "us.investigator");
        assertThat(ok(gateway.post(caseLocation + "/activate", cn, Map.of())).body()).contains("\"status\":\"ACTIVE\"");

        Instant beforeSending = Instant.now();
        HttpResponse<String> sent = gateway.post("/api/cases/cooperation-requests", cn, Map.of(
                "caseId", caseId, "receivingAgency", "US-DEA", "type", "INFORMATION_REQUEST", "priority", "URGENT",
                "legalBasis", Map.of("text", "Mutual legal assistance in criminal matters", "reference", "CN-US MLAA Art. 1"),
                "question", "Who consigned the NPP seized at the hub on 3 March?"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String requestLocation = sent.headers().firstValue("Location").orElseThrow();
        JsonNode request = RunningPlatform.json(sent);
        String requestId = request.path("id").asText();
        assertThat(request.path("status").asText()).isEqualTo("SENT");
        // urgent information request: 72 hours by the configured policy
        Duration window = Duration.between(beforeSending, Instant.parse(request.path("responseDue").asText()));
        assertThat(window).isBetween(Duration.ofHours(72), Duration.ofHours(72).plusMinutes(2));

        assertThat(ids(gateway.get("/api/cases/cooperation-requests/inbox?size=100", us))).contains(requestId);
        assertThat(ids(gateway.get("/api/cases/cooperation-requests/outbox?size=100", cn))).contains(requestId);

        JsonNode acknowledged = RunningPlatform.json(ok(gateway.post(requestLocation + "/acknowledge", us, Map.of())));
        assertThat(acknowledged.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo("us.investigator");
        // the requesting agency may not answer its own request
        assertThat(gateway.post(requestLocation + "/answers", cn, Map.of("answer", "x", "complete", true)).statusCode())
                .isEqualTo(403);
        JsonNode partial = RunningPlatform.json(ok(gateway.post(requestLocation + "/answers", us,
                Map.of("answer", "The consignor is a broker registered in the hub's free zone.", "complete", false))));
        assertThat(partial.path("status").asText()).isEqualTo("PARTIALLY_ANSWERED");
        JsonNode full = RunningPlatform.json(ok(gateway.post(requestLocation + "/answers", us,
                Map.of("answer", "Its director and bank details are attached to our report.", "complete", true))));
        assertThat(full.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(full.path("answers")).hasSize(2);
        assertThat(RunningPlatform.json(gateway.get(requestLocation, cn)).path("status").asText()).isEqualTo("ANSWERED");

        // a third agency sees none of it: 404 like a missing item, empty lists
        for (String path : List.of(caseLocation, caseLocation + "/timeline", caseLocation + "/history",
                caseLocation + "/tasks", caseLocation + "/notes", requestLocation, requestLocation + "/history")) {
            HttpResponse<String> hidden = gateway.get(path, mx);
            assertThat(hidden.statusCode()).as(path).isEqualTo(404);
            assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(gateway.post(requestLocation + "/acknowledge", mx, Map.of()).statusCode()).isEqualTo(404);
        assertThat(ids(gateway.get("/api/cases?size=100", mx))).doesNotContain(caseId);
        assertThat(ids(gateway.get("/api/cases/cooperation-requests/inbox?size=100", mx))).doesNotContain(requestId);
        assertThat(ids(gateway.get("/api/cases/cooperation-requests/outbox?size=100", mx))).doesNotContain(requestId);
        assertThat(ids(gateway.get("/api/cases/cooperation-requests/overdue?size=100", mx))).doesNotContain(requestId);

        // the timeline shows the whole exchange, in order, to both agencies and to auditors; global positions only
        // to auditors (an agency could tell from their gaps how much happened elsewhere)
        for (String token : List.of(cn, us, RunningPlatform.token("auditor"))) {
            JsonNode timeline = RunningPlatform.json(ok(gateway.get(caseLocation + "/timeline", token)));
            boolean auditor = !token.equals(cn) && !token.equals(us);
            List<String> types = new ArrayList<>();
            long previous = -1;
            Instant previousAt = Instant.EPOCH;
            for (JsonNode entry : timeline) {
                types.add(entry.path("type").asText());
                Instant at = Instant.parse(entry.path("timestamp").asText());
                assertThat(at).isAfterOrEqualTo(previousAt);
                previousAt = at;
                if (auditor) {
                    assertThat(entry.path("globalPosition").asLong()).isGreaterThan(previous);
                    previous = entry.path("globalPosition").asLong();
                } else {
                    assertThat(entry.has("globalPosition")).as("a global position answered to an agency").isFalse();
                }
            }
            assertThat(types).containsExactly("CaseOpenedEvent", "CaseMemberAddedEvent", "CaseMemberAddedEvent",
                    "CaseMemberAddedEvent", "CaseActivatedEvent", "CooperationRequestSentEvent",
                    "CooperationRequestAcknowledgedEvent", "CooperationRequestAnsweredEvent",
                    "CooperationRequestAnsweredEvent");
            JsonNode last = timeline.get(timeline.size() - 1);
            assertThat(last.path("source").asText()).isEqualTo("cooperation-request");
            assertThat(last.path("actor").asText()).isEqualTo("us.investigator");
            assertThat(last.path("agency").asText()).isEqualTo("US-DEA");
            assertThat(last.path("payload").path("complete").asBoolean()).isTrue();
        }
    }

    @Test
    void aTlpRedNoteIsReadOnlyByTheWritingAgency() {
        String caseLocation = gateway.post("/api/cases", cn, Map.of("title", "Red notes", "partnerAgencies", List.of("US-DEA"),
                "tlp", "TLP:AMBER", "handlingCode", "H1")).headers().firstValue("Location").orElseThrow();
        assertThat(gateway.post(caseLocation + "/notes", cn, Map.of("text", "Source name: K.", "tlp", "TLP:RED")).statusCode())
                .isEqualTo(201);
        assertThat(gateway.post(caseLocation + "/notes", cn, Map.of("text", "Shared lead", "tlp", "TLP:AMBER")).statusCode())
                .isEqualTo(201);
        assertThat(ok(gateway.get(caseLocation + "/notes", cn)).body()).contains("Source name: K.", "Shared lead");
        String usNotes = ok(gateway.get(caseLocation + "/notes", us)).body();
        assertThat(usNotes).contains("Shared lead").doesNotContain("Source name");
        assertThat(ok(gateway.get(caseLocation + "/timeline", us)).body()).doesNotContain("Source name");
        assertThat(ok(gateway.get(caseLocation + "/history", us)).body()).doesNotContain("Source name");
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return RunningPlatform.json(page).path("items").findValuesAsText("id");
    }
}
