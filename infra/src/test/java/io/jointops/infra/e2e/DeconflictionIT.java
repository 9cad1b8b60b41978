package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, parts 3 and 4, through the gateway with real Keycloak tokens, all services as processes. Deconfliction: a
 * CN-NNCC shipment's consignee 张伟 (its exporter the company 张伟贸易有限公司) and a US-DEA suspicious transaction
 * report's counterparty "Zhang Wei", in two services: each agency is told that the other holds a match, similar by
 * pinyin, and whom to call, nothing of the other's item; a third agency is told nothing. Watchlists: US-DEA watches
 * +1 202 555 0143 and Zhang Wei; a CN-NNCC report released to US-DEA naming (202) 555-0143 and 张伟 alerts it, in its
 * inbox and on its partner feed; a report not released to it does not.
 */
@ExtendWith(RunningPlatform.class)
class DeconflictionIT {

    static RunningPlatform.Gateway gateway;
    static String cn;
    static String cnSupervisor;
    static String us;
    static String usSupervisor;
    static String mx;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        cn = RunningPlatform.token("cn.investigator");
        cnSupervisor = RunningPlatform.token("cn.supervisor");
        us = RunningPlatform.token("us.investigator");
        usSupervisor = RunningPlatform.token("us.supervisor");
        mx = RunningPlatform.token("mx.investigator");
    }

    static String party(String name, String city, String country) {
        return """
                {"name":"%s","address":{"street":"1 Harbour Road","city":"%s","country":"%s"}}"""
                .formatted(name, city, country);
    }

    @Test
    void aConsigneeInChineseAndACounterpartyInPinyinTellBothAgenciesWhomToCallAndNothingOfTheOthersItem() {
        // first a third agency's report naming someone else: the notices below are noted after it was handled
        HttpResponse<String> third = gateway.post("/api/intel/reports", mx, Map.of(
                "title", "Broker in Manzanillo", "summary", "s", "category", "ORGANISED_CRIME_GROUP",
                "sourceReliability", "C", "informationCredibility", 3, "releasedTo", List.of(), "tlp", "TLP:AMBER",
                "handlingCode", "H2", "entities", List.of(Map.of("entityId", "e1", "type", "PERSON", "value", "李娜"))));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
        String thirdId = idOf(third.headers().firstValue("Location").orElseThrow());

        String run = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        HttpResponse<String> shipment = gateway.post("/api/chemicals/shipments", cn, """
                {"releasedTo":[],"exporter":%s,"importer":%s,"consignee":%s,"substanceName":"4-AP",
                 "casNumber":"23056-29-3","quantity":500,"unit":"KG","declaredGoods":"machine parts",
                 "declaredRoute":["CN","US"],"transportMode":"SEA","tlp":"TLP:AMBER","handlingCode":"H1"}"""
                .formatted(party("张伟贸易有限公司", "Tianjin", "CN"), party("Pacific Reagents " + run + " LLC", "Los Angeles", "US"),
                        party("张伟", "Los Angeles", "US")));
        assertThat(shipment.statusCode()).as(shipment.body()).isEqualTo(201);
        String shipmentId = idOf(shipment.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> report = gateway.post("/api/finance/reports", us, """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
                 "reason":"Wire to a precursor broker","transactions":[{"number":"T1","date":"2026-10-01",
                 "amount":48000.00,"currency":"USD","mode":"WIRE","fromName":"Harbor Solvents %s Inc",
                 "fromAccount":{"number":"1000%s","bankId":"026009593","country":"US"},"toName":"Zhang Wei",
                 "toAccount":{"number":"6222%s","bankId":"ICBKCNBJ","country":"CN"}}],"releasedTo":[],
                 "tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(run, run, run));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        String reportId = idOf(report.headers().firstValue("Location").orElseThrow());

        JsonNode cnNotice = only(await("/api/intel/deconfliction/notices?size=100", cn, shipmentId,
                found -> found.stream().anyMatch(from("US-DEA"))), "US-DEA");
        assertThat(cnNotice.path("otherAgency").asText()).isEqualTo("US-DEA");
        assertThat(cnNotice.path("contact").asText()).contains("dice@dea.example.gov");
        assertThat(cnNotice.path("item").path("context").asText()).isEqualTo("chemicals");
        assertThat(cnNotice.path("matches")).hasSize(1);
        assertThat(cnNotice.path("matches").get(0).path("path").asText()).isEqualTo("consignee.name");
        assertThat(cnNotice.path("matches").get(0).path("value").asText()).isEqualTo("张伟");
        assertThat(cnNotice.path("matches").get(0).path("rule").asText()).isEqualTo("pinyin");
        assertThat(cnNotice.path("matches").get(0).path("strength").asText()).isEqualTo("similar");

        JsonNode usNotice = only(await("/api/intel/deconfliction/notices?size=100", us, reportId,
                found -> found.stream().anyMatch(from("CN-NNCC"))), "CN-NNCC");
        assertThat(usNotice.path("otherAgency").asText()).isEqualTo("CN-NNCC");
        assertThat(usNotice.path("contact").asText()).contains("deconfliction@nncc.example.cn");
        assertThat(usNotice.path("item").path("context").asText()).isEqualTo("finance");
        assertThat(usNotice.path("matches").get(0).path("value").asText()).isEqualTo("Zhang Wei");
        assertThat(usNotice.path("matches").get(0).path("rule").asText()).isEqualTo("pinyin");
        assertThat(usNotice.path("matches").get(0).path("strength").asText()).isEqualTo("similar");

        // nothing of the other's item: its id, its value, its kind, who wrote it
        assertThat(cnNotice.toString()).doesNotContain(reportId).doesNotContain("Zhang Wei")
                .doesNotContain("us.investigator").doesNotContain("SuspiciousTransactionReport")
                .doesNotContain("First Harbour").doesNotContain("finance");
        assertThat(usNotice.toString()).doesNotContain(shipmentId).doesNotContain("张伟")
                .doesNotContain("cn.investigator").doesNotContain("Shipment").doesNotContain("Tianjin")
                .doesNotContain("chemicals");
        assertThat(gateway.get("/api/intel/deconfliction/notices?size=100", cn).body()).doesNotContain(reportId);
        assertThat(gateway.get("/api/intel/deconfliction/notices?size=100", us).body()).doesNotContain(shipmentId);
        // the third agency is told nothing of either, and neither of it
        assertThat(await("/api/intel/deconfliction/notices?size=100", mx, thirdId, found -> true)).isEmpty();
        assertThat(gateway.get("/api/intel/deconfliction/notices?size=100", mx).body())
                .doesNotContain(shipmentId).doesNotContain(reportId);
        assertThat(cnNotice.toString() + usNotice).doesNotContain("MX-FGR");
        // the other agency's item stays unseen
        assertThat(gateway.get("/api/finance/reports/" + reportId, cn).statusCode()).isEqualTo(404);
        assertThat(gateway.get("/api/chemicals/shipments/" + shipmentId, us).statusCode()).isEqualTo(404);
    }

    @Test
    void aWatchedPhoneAndNameAlertWhenAReportReleasedToTheAgencyNamesThemAndNotOtherwise() {
        HttpResponse<String> phone = gateway.post("/api/intel/watchlist", usSupervisor,
                Map.of("kind", "PHONE_NUMBER", "value", "+1 202 555 0143", "label", "broker's phone"));
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
        assertThat(RunningPlatform.json(phone).path("canonical").asText()).isEqualTo("+12025550143");
        assertThat(gateway.post("/api/intel/watchlist", usSupervisor, Map.of("kind", "PERSON_NAME", "value", "Zhang Wei"))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> bad = gateway.post("/api/intel/watchlist", usSupervisor,
                Map.of("kind", "PHONE_NUMBER", "value", "555-0143"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RunningPlatform.json(bad).path("errors").get(0).path("field").asText()).isEqualTo("value");
        assertThat(gateway.post("/api/intel/watchlist", us, Map.of("kind", "PERSON_NAME", "value", "x")).statusCode())
                .as("an investigator keeps no watchlist").isEqualTo(403);

        // first a report CN-NNCC keeps to itself, then one released to US-DEA: the feed handles them in that order
        String kept = disseminated(List.of());
        String released = disseminated(List.of("US-DEA"));

        List<JsonNode> alerts = await("/api/intel/alerts?size=100", usSupervisor, released, found -> found.size() == 2);
        assertThat(alerts).hasSize(2);
        JsonNode byPhone = alerts.stream().filter(a -> a.path("kind").asText().equals("PHONE_NUMBER")).findFirst()
                .orElseThrow();
        assertThat(byPhone.path("value").asText()).isEqualTo("(202) 555-0143");
        assertThat(byPhone.path("rule").asText()).isEqualTo("e164");
        JsonNode byName = alerts.stream().filter(a -> a.path("kind").asText().equals("PERSON_NAME")).findFirst()
                .orElseThrow();
        assertThat(byName.path("value").asText()).isEqualTo("张伟");
        assertThat(byName.path("rule").asText()).isEqualTo("pinyin");
        assertThat(byName.path("strength").asText()).isEqualTo("similar");
        // the report kept by CN-NNCC never reached US-DEA's feed, so nothing was checked for it
        assertThat(gateway.get("/api/intel/alerts?size=100", usSupervisor).body()).doesNotContain(kept);
        assertThat(gateway.get("/api/intel/alerts?size=100", cnSupervisor).body()).doesNotContain(released)
                .doesNotContain("+1 202 555 0143");

        // the alert is on US-DEA's partner feed (and so goes to its webhooks)
        Realm.PartnerClient client = Realm.partnerClient("US-DEA");
        String partner = RunningPlatform.clientToken(client.clientId(), client.secret());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        boolean onFeed = false;
        String cursor = null;
        while (!onFeed && Instant.now().isBefore(deadline)) {
            HttpResponse<String> page = gateway.get("/api/feed?limit=500" + (cursor == null ? "" : "&after=" + cursor),
                    partner);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = RunningPlatform.json(page);
            for (JsonNode event : body.path("events")) {
                onFeed |= event.path("type").asText().equals("WatchlistAlertRaisedEvent")
                        && event.path("payload").path("item").path("itemId").asText().equals(released);
            }
            cursor = body.path("next").asText();
        }
        assertThat(onFeed).as("US-DEA's feed carries the alert").isTrue();
    }

    private String disseminated(List<String> releasedTo) {
        HttpResponse<String> drafted = gateway.post("/api/intel/reports", cn, Map.of(
                "title", "Broker's phone " + UUID.randomUUID(), "summary", "Broker network",
                "category", "ORGANISED_CRIME_GROUP", "sourceReliability", "B", "informationCredibility", 2,
                "releasedTo", releasedTo, "tlp", "TLP:AMBER", "handlingCode", "H2",
                "entities", List.of(
                        Map.of("entityId", "e1", "type", "PHONE_NUMBER", "value", "(202) 555-0143", "country", "US"),
                        Map.of("entityId", "e2", "type", "PERSON", "value", "张伟"))));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String location = drafted.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.post(location + "/submission", cn, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> approved = gateway.post(location + "/approval", cnSupervisor, Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return idOf(location);
    }

    /** The page's items about {@code itemId}, once {@code until} holds of them (or after 60 s). */
    private static List<JsonNode> await(String path, String token, String itemId, Predicate<List<JsonNode>> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            HttpResponse<String> page = gateway.get(path, token);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            List<JsonNode> found = new ArrayList<>();
            RunningPlatform.json(page).path("items").forEach(item -> {
                if (item.path("item").path("itemId").asText().equals(itemId)) {
                    found.add(item);
                }
            });
            if (until.test(found) || Instant.now().isAfter(deadline)) {
                return found;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    private static Predicate<JsonNode> from(String otherAgency) {
        return notice -> notice.path("otherAgency").asText().equals(otherAgency);
    }

    /** The one notice about the item that names {@code otherAgency}. */
    private static JsonNode only(List<JsonNode> notices, String otherAgency) {
        List<JsonNode> named = notices.stream().filter(from(otherAgency)).toList();
        assertThat(named).as("notices naming " + otherAgency).hasSize(1);
        return named.get(0);
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
