package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precursor control through the gateway with real Keycloak tokens: CN-CUSTOMS notifies US-DEA of an export of 500 kg
 * of 4-AP to an importer in the US; US-DEA, the importing country's authority, acknowledges and objects; the shipment
 * under the notification is stopped, and so is one registered after the objection; a seizure of 4-AP on that shipment
 * proposes a joint case lead to case-service (a command across processes), which a CN-CUSTOMS supervisor accepts,
 * opening a case with the incident linked (chemical-service confirms the link). MX-FGR sees none of it.
 */
@ExtendWith(RunningPlatform.class)
class PrecursorControlIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String PEN = """
            {"importingAgency":"US-DEA",
             "exporter":{"name":"Hubei Fine Chemicals","address":{"street":"1 Gaoxin Road","city":"Wuhan","country":"CN"}},
             "importer":{"name":"Pacific Reagents LLC","address":{"street":"400 Harbor Blvd","city":"Long Beach","postalCode":"90802","country":"US"}},
             "consignee":{"name":"Pacific Reagents LLC","address":{"street":"400 Harbor Blvd","city":"Long Beach","postalCode":"90802","country":"US"}},
             "substanceName":"4-AP","casNumber":"23056-29-3","quantity":500,"unit":"KG",
             "expectedDispatchDate":"2026-12-20","pointOfEntry":"Port of Long Beach","exportLicenceNumber":"CN-EXP-2026-77",
             "tlp":"TLP:AMBER","handlingCode":"H1","mixturePercentage":99.5,"transportMode":"SEA","route":["KR"]}""";

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String us;
    static String cnSupervisor;
    static String mx;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.chemical");
        us = RunningPlatform.token("us.chemical");
        cnSupervisor = RunningPlatform.token("cn.chemical.supervisor");
        mx = RunningPlatform.token("mx.investigator");
    }

    @Test
    void anObjectedNotificationStopsItsShipmentsAndASeizureOfAFentanylPrecursorBecomesAJointCase() {
        // CN-CUSTOMS notifies US-DEA
        HttpResponse<String> filed = gateway.post("/api/chemicals/notifications", cn, PEN);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String pen = filed.headers().firstValue("Location").orElseThrow();
        JsonNode notification = RunningPlatform.json(filed);
        assertThat(notification.path("exportingAgency").asText()).isEqualTo("CN-CUSTOMS");
        assertThat(notification.path("importingAgency").asText()).isEqualTo("US-DEA");
        assertThat(notification.path("status").asText()).isEqualTo("FILED");
        assertThat(notification.path("substanceName").asText()).isEqualTo("4-AP");
        assertThat(notification.path("responseDueBy").asText()).isNotEmpty();
        assertThat(RunningPlatform.json(ok(gateway.get(pen, us))).path("filedBy").asText()).isEqualTo("cn.chemical");

        String shipment = created(gateway.post("/api/chemicals/shipments", cn, """
                {"notificationId":"%s","declaredGoods":"4-Anilinopiperidine (4-AP), CAS 23056-29-3"}""".formatted(idOf(pen))));
        JsonNode registered = RunningPlatform.json(ok(gateway.get(shipment, us)));
        assertThat(registered.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(registered.path("agencies").toString()).contains("CN-CUSTOMS", "US-DEA");

        // US-DEA, the importing country's authority, acknowledges and objects; the exporting agency may not answer
        assertThat(gateway.post(pen + "/clear", cn, "{}").statusCode()).isEqualTo(403);
        assertThat(RunningPlatform.json(ok(gateway.post(pen + "/acknowledge", us, "{}"))).path("status").asText())
                .isEqualTo("ACKNOWLEDGED");
        JsonNode objected = RunningPlatform.json(ok(gateway.post(pen + "/objection", us,
                Map.of("reason", "Pacific Reagents LLC holds no DEA registration for List I chemicals"))));
        assertThat(objected.path("status").asText()).isEqualTo("OBJECTED");
        assertThat(objected.path("objectionReason").asText()).contains("no DEA registration");
        assertThat(RunningPlatform.json(ok(gateway.get(pen, cn))).path("status").asText()).isEqualTo("OBJECTED");

        // the shipment is stopped; a related shipment registered after the objection is stopped too
        JsonNode stopped = await(shipment, cn, view -> "STOPPED".equals(view.path("status").asText()));
        assertThat(stopped.path("stop").path("notificationId").asText()).isEqualTo(idOf(pen));
        assertThat(stopped.path("stop").path("reason").asText()).contains("US-DEA objected", "no DEA registration");
        String related = created(gateway.post("/api/chemicals/shipments", cn, """
                {"notificationId":"%s","quantity":250,"declaredGoods":"paint thinner"}""".formatted(idOf(pen))));
        JsonNode relatedStopped = await(related, us, view -> "STOPPED".equals(view.path("status").asText()));
        assertThat(relatedStopped.path("risk").path("indicators").findValuesAsText("code")).contains("GOODS_MISMATCH");

        // the seizure on the related shipment: 4-AP is a Table I fentanyl precursor, so a joint case lead is proposed
        assertThat(ok(gateway.post(related + "/events", cn, Map.of("type", "SEIZED", "place", "Port of Shanghai",
                "country", "CN", "occurredAt", Instant.now().toString(), "note", "held at the quay"))).statusCode()).isEqualTo(200);
        HttpResponse<String> reported = gateway.post("/api/chemicals/incidents", cn, """
                {"type":"SEIZURE","substanceName":"4-AP","casNumber":"23056-29-3","quantity":250,"unit":"KG",
                 "place":"Port of Shanghai","country":"CN","occurredOn":"%s","concealmentMethod":"drums labelled as paint thinner",
                 "modusOperandi":"front company, split consignments","shipmentId":"%s","releasedTo":["US-DEA"],
                 "tlp":"TLP:AMBER","handlingCode":"H1"}""".formatted(java.time.LocalDate.now(), idOf(related)));
        String incident = created(reported);
        String incidentId = idOf(incident);
        assertThat(RunningPlatform.json(reported).path("title").asText())
                .isEqualTo("Seizure of 250 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai");
        JsonNode withLead = await(incident, cn, view -> !view.path("caseLeadId").asText("").isEmpty());
        String leadId = withLead.path("caseLeadId").asText();

        // case-service recorded the lead; a CN-CUSTOMS supervisor finds it by the incident and accepts it
        JsonNode lead = awaitValue("the lead in case-service", () -> {
            JsonNode leads = RunningPlatform.json(ok(gateway.get("/api/cases/leads?itemId=" + incidentId, cnSupervisor)));
            return leads.path("items").size() > 0 ? leads.path("items").get(0) : null;
        });
        assertThat(lead.path("leadId").asText()).isEqualTo(leadId);
        assertThat(lead.path("itemType").asText()).isEqualTo("INCIDENT");
        assertThat(lead.path("proposingAgency").asText()).isEqualTo("CN-CUSTOMS");
        assertThat(lead.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(lead.path("reason").asText()).contains("fentanyl precursor in Table I");
        // a chemical officer who is no supervisor may not accept (refused at the gateway: cases need a reader role)
        assertThat(gateway.post("/api/cases/leads/" + leadId + "/accept", cn,
                Map.of("tlp", "TLP:AMBER", "handlingCode", "H0", "title", "x")).statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = gateway.post("/api/cases/leads/" + leadId + "/accept", cnSupervisor,
                Map.of("tlp", "TLP:AMBER", "handlingCode", "H0", "title", "Operation Long Beach: 4-AP to Pacific Reagents"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode acceptedLead = RunningPlatform.json(accepted);
        String caseId = acceptedLead.path("caseId").asText();
        assertThat(caseId).isNotEmpty();
        assertThat(acceptedLead.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.headers().firstValue("Location")).contains("/api/cases/" + caseId);

        // the case shows the incident once chemical-service confirmed the link
        JsonNode theCase = awaitValue("the incident linked to the case", () -> {
            JsonNode view = RunningPlatform.json(ok(gateway.get("/api/cases/" + caseId, cnSupervisor)));
            return view.path("linkedItems").findValuesAsText("id").contains(incidentId) ? view : null;
        });
        assertThat(theCase.path("leadAgency").asText()).isEqualTo("CN-CUSTOMS");
        assertThat(theCase.path("title").asText()).isEqualTo("Operation Long Beach: 4-AP to Pacific Reagents");
        JsonNode linked = theCase.path("linkedItems").get(0);
        assertThat(linked.path("type").asText()).isEqualTo("INCIDENT");
        assertThat(linked.path("title").asText()).isEqualTo("Seizure of 250 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai");
        await(incident, cn, view -> view.path("linkedCases").toString().contains(caseId));

        // MX-FGR, a third agency, sees none of it
        for (String item : List.of(pen, shipment, related, incident)) {
            HttpResponse<String> hidden = gateway.get(item, mx);
            assertThat(hidden.statusCode()).as("MX-FGR reads " + item).isEqualTo(404);
            assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(RunningPlatform.json(ok(gateway.get("/api/cases/leads?itemId=" + incidentId, mx))).path("items")).isEmpty();
        assertThat(gateway.get("/api/cases/" + caseId, mx).statusCode()).isEqualTo(404);
    }

    private static JsonNode await(String location, String token, Predicate<JsonNode> condition) {
        return awaitValue(location, () -> {
            JsonNode view = RunningPlatform.json(ok(gateway.get(location, token)));
            return condition.test(view) ? view : null;
        });
    }

    private static JsonNode awaitValue(String what, Supplier<JsonNode> attempt) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode value = attempt.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
