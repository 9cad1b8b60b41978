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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intelligence exchange through the gateway with real Keycloak tokens: CN-NNCC shares an approved H2 report with
 * US-DEA, US-DEA asks to pass it on to MX-FGR, which sees it only once the owner consents; the read log shows each
 * read; each recipient reads the report's history from its release to it on. And a takedown request from request
 * to removal, reappearance and the statistics.
 */
@ExtendWith(RunningPlatform.class)
class IntelExchangeIT {

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String cnSupervisor;
    static String us;
    static String mx;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        cnSupervisor = RunningPlatform.token("cn.supervisor");
        us = RunningPlatform.token("us.investigator");
        mx = RunningPlatform.token("mx.investigator");
    }

    @Test
    void anH2ReportReachesAThirdAgencyOnlyWithTheOwnersConsentAndEveryReadIsLogged() throws Exception {
        HttpResponse<String> drafted = gateway.post("/api/intel/reports", cn, Map.of(
                "title", "Fentanyl precursors via Manzanillo", "summary", "Broker network",
                "category", "ORGANISED_CRIME_GROUP", "sourceReliability", "B", "informationCredibility", 2,
                "releasedTo", List.of("US-DEA"), "tlp", "TLP:AMBER", "handlingCode", "H2",
                "entities", List.of(Map.of("entityId", "e1", "type", "ORGANISATION", "value", "Hebei Chem Co., Ltd."))));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String location = drafted.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.get(location, us).statusCode()).as("a draft is the owner's").isEqualTo(404);
        assertThat(gateway.get(location + "/history", us).statusCode()).as("so is its history").isEqualTo(404);
        Instant drafting = Instant.now();

        assertThat(gateway.post(location + "/submission", cn, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = gateway.post(location + "/approval", cnSupervisor, Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(RunningPlatform.json(approved).path("status").asText()).isEqualTo("DISSEMINATED");

        assertThat(gateway.get(location, us).statusCode()).isEqualTo(200);
        HttpResponse<String> asked = gateway.post(location + "/onward-requests", us,
                Map.of("toAgency", "MX-FGR", "justification", "joint operation Manzanillo"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String request = asked.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> before = gateway.get(location, mx);
        assertThat(before.statusCode()).as("no consent yet").isEqualTo(404);
        assertThat(before.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(gateway.post(request + "/decision", us, Map.of("consent", true)).statusCode())
                .as("only the owner consents").isEqualTo(403);

        HttpResponse<String> consented = gateway.post(request + "/decision", cnSupervisor,
                Map.of("consent", true, "comment", "for the joint operation only"));
        assertThat(consented.statusCode()).as(consented.body()).isEqualTo(200);
        HttpResponse<String> after = gateway.get(location, mx);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(RunningPlatform.json(after).path("title").asText()).isEqualTo("Fentanyl precursors via Manzanillo");

        JsonNode ownerLog = awaitReads(location, cn, List.of("us.investigator", "mx.investigator"));
        JsonNode auditorLog = awaitReads(location, RunningPlatform.token("auditor"), List.of("us.investigator", "mx.investigator"));
        for (JsonNode log : List.of(ownerLog, auditorLog)) {
            JsonNode usRead = find(log, "us.investigator");
            JsonNode mxRead = find(log, "mx.investigator");
            assertThat(usRead.path("agency").asText()).isEqualTo("US-DEA");
            assertThat(mxRead.path("agency").asText()).isEqualTo("MX-FGR");
            assertThat(Instant.parse(mxRead.path("at").asText())).isAfter(Instant.parse(usRead.path("at").asText()));
        }
        assertThat(gateway.get(location + "/reads", us).statusCode()).isEqualTo(403);

        JsonNode history = RunningPlatform.json(gateway.get(location + "/history", cn));
        assertThat(types(history)).containsExactly("IntelReportDraftedEvent", "IntelReportSubmittedForReleaseEvent",
                "IntelReportApprovedEvent", "IntelReportDisseminatedEvent", "OnwardDisseminationRequestedEvent",
                "OnwardDisseminationConsentedEvent", "IntelReportReleaseWidenedEvent");

        // a recipient reads the history from the report's release to it on: no draft, no submission, no approval
        HttpResponse<String> usHistory = gateway.get(location + "/history", us);
        assertThat(usHistory.statusCode()).as(usHistory.body()).isEqualTo(200);
        JsonNode usEvents = RunningPlatform.json(usHistory);
        assertThat(types(usEvents)).containsExactly("IntelReportDisseminatedEvent", "OnwardDisseminationRequestedEvent",
                "OnwardDisseminationConsentedEvent", "IntelReportReleaseWidenedEvent");
        assertThat(usEvents.path("totalEvents").asLong()).isEqualTo(4);
        assertThat(usEvents.path("events").get(0).path("actor").asText()).isEqualTo("cn.supervisor");
        assertThat(usEvents.path("events").get(1).path("agency").asText()).isEqualTo("US-DEA");
        // the third agency: the content it was given and the widening to it, not US-DEA's request
        HttpResponse<String> mxHistory = gateway.get(location + "/history", mx);
        assertThat(mxHistory.statusCode()).as(mxHistory.body()).isEqualTo(200);
        assertThat(types(RunningPlatform.json(mxHistory))).containsExactly("IntelReportDisseminatedEvent",
                "IntelReportReleaseWidenedEvent");
        // as of before the release to it, the report was not there for US-DEA
        assertThat(gateway.get(location + "?asOf=" + drafting, us).statusCode()).isEqualTo(404);
        // and the owner sees that US-DEA read the history
        awaitRead(location, "us.investigator", "HISTORY");
    }

    @Test
    void aTakedownIsRequestedRemovedReappearsAndCountsInThePlatformsStatistics() {
        String platform = "E2EMarket-" + System.nanoTime();
        Instant requested = Instant.now().minus(Duration.ofHours(5));
        HttpResponse<String> created = gateway.post("/api/intel/takedowns", cn, Map.of(
                "platform", platform, "url", "https://market.example.com/listing/7", "contentType", "LISTING",
                "offence", "sale of fentanyl precursors",
                "evidenceSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "evidenceCapturedAt", requested.minus(Duration.ofHours(1)).toString(),
                "legalBasis", "Art. 3 of the 1988 Convention", "requestedAt", requested.toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.get(location, us).statusCode()).isEqualTo(404);

        assertThat(gateway.post(location + "/acknowledgement", cn,
                Map.of("occurredAt", requested.plus(Duration.ofHours(1)).toString())).statusCode()).isEqualTo(200);
        HttpResponse<String> removed = gateway.post(location + "/removal", cn,
                Map.of("occurredAt", requested.plus(Duration.ofHours(2)).toString()));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(RunningPlatform.json(removed).path("secondsToRemoval").asLong()).isEqualTo(7200);

        HttpResponse<String> back = gateway.post(location + "/reappearance", cn,
                Map.of("url", "https://market.example.com/listing/8", "occurredAt", requested.plus(Duration.ofHours(3)).toString()));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(RunningPlatform.json(back).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(gateway.post(location + "/removal", cn,
                Map.of("occurredAt", requested.plus(Duration.ofHours(4)).toString())).statusCode()).isEqualTo(200);

        JsonNode stats = RunningPlatform.json(gateway.get("/api/intel/takedowns/stats?platform=" + platform, cn));
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).path("counts").path("REMOVED").asLong()).isEqualTo(1);
        assertThat(stats.get(0).path("removals").asLong()).isEqualTo(2);
        assertThat(stats.get(0).path("medianSecondsToRemoval").asDouble()).isEqualTo(5400.0);
        assertThat(stats.get(0).path("p90SecondsToRemoval").asDouble()).isEqualTo(6840.0);
        JsonNode history = RunningPlatform.json(gateway.get(location + "/history", cn));
        assertThat(history.path("events").findValuesAsText("type")).containsExactly("TakedownRequestedEvent",
                "TakedownAcknowledgedEvent", "TakedownContentRemovedEvent", "TakedownContentReappearedEvent",
                "TakedownContentRemovedEvent");
    }

    private static JsonNode awaitReads(String location, String token, List<String> readers) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode log = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = gateway.get(location + "/reads", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            log = RunningPlatform.json(response).path("items");
            if (log.findValuesAsText("user").containsAll(readers)) {
                return log;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read log does not show " + readers + ": " + log);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new java.util.ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static void awaitRead(String location, String user, String view) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode log = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = gateway.get(location + "/reads?size=1000", cn);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            log = RunningPlatform.json(response).path("items");
            for (JsonNode read : log) {
                if (read.path("user").asText().equals(user) && read.path("view").asText().equals(view)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read log does not show " + user + " reading the " + view + ": " + log);
    }

    private static JsonNode find(JsonNode log, String user) {
        for (JsonNode read : log) {
            if (read.path("user").asText().equals(user)) {
                return read;
            }
        }
        throw new AssertionError(user + " is not in the read log " + log);
    }
}
