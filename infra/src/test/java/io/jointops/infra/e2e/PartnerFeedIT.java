package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, part 1: the partner feed end to end, through the gateway with real Keycloak tokens of the agencies'
 * partner clients (client credentials, role feed-reader alone). US-DEA's partner system reads exactly the events of
 * the items released to US-DEA in all four services, each as the item's history shows it to US-DEA (a case's
 * TLP:RED note of CN-NNCC as its withheld stand-in, an intelligence report from its dissemination on), and nothing of
 * CN-only or MX-only items, not even as a count; it resumes from its cursor after the gateway and a service restart
 * and after a dropped server-sent-event stream, every event exactly once by id; bad cursors and limits are 400
 * problems naming them, no token 401; each agency's partner client reads its own agency's feed and nothing else.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerFeedIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String SECRET = "NIGHTJAR-" + System.nanoTime();
    static final String PEN = """
            {"importingAgency":"%1$s",
             "exporter":{"name":"%2$s","address":{"street":"1 Gaoxin Road","city":"Wuhan","country":"CN"}},
             "importer":{"name":"Pacific Reagents","address":{"street":"400 Harbor Blvd","city":"%3$s","postalCode":"90802","country":"%4$s"}},
             "consignee":{"name":"Pacific Reagents","address":{"street":"400 Harbor Blvd","city":"%3$s","postalCode":"90802","country":"%4$s"}},
             "substanceName":"4-AP","casNumber":"23056-29-3","quantity":500,"unit":"KG",
             "expectedDispatchDate":"2026-12-20","pointOfEntry":"Port of %3$s","exportLicenceNumber":"CN-EXP-2026-77",
             "tlp":"TLP:AMBER","handlingCode":"H1","mixturePercentage":99.5,"transportMode":"SEA","route":["KR"]}""";

    static RunningPlatform.Gateway gateway;
    /** The items released to US-DEA: their history paths, each read as a US-DEA officer reads it. */
    static final Map<String, String> shared = new LinkedHashMap<>();
    /** Items US-DEA may not see, and so must not learn of. */
    static final Set<String> hidden = new HashSet<>();
    static String caseShared;
    static String caseHidden;

    @BeforeAll
    static void items() {
        gateway = RunningPlatform.gateway();
        String cn = RunningPlatform.token("cn.investigator");
        String cnSupervisor = RunningPlatform.token("cn.supervisor");

        // a case of CN-NNCC's, shared with US-DEA only after a TLP:RED note of its own: US-DEA gets its history as its
        // history shows it, the note as a stand-in
        caseShared = created(gateway.post("/api/cases", cnSupervisor, Map.of("title", "Operation Nightjar",
                "summary", "Transshipment via Busan", "partnerAgencies", List.of(), "tlp", "TLP:AMBER", "handlingCode", "H1")));
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "informant " + SECRET, "tlp", "TLP:RED")), 201);
        ok(gateway.post(caseShared + "/partners", cnSupervisor, Map.of("agency", "US-DEA")), 200);
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "controlled delivery on 3 March", "tlp", "TLP:AMBER")), 201);
        shared.put(caseShared, caseShared + "/history?size=1000");
        caseHidden = created(gateway.post("/api/cases", cnSupervisor, Map.of("title", "Operation " + SECRET,
                "summary", "CN-NNCC only", "partnerAgencies", List.of(), "tlp", "TLP:RED", "handlingCode", "H3")));
        hidden.add(caseHidden);

        // an intelligence report released to US-DEA (drafted and approved first: none of that reaches US-DEA), and one
        // released to MX-FGR only
        String report = report(cn, cnSupervisor, "US-DEA", "Broker network in Manzanillo");
        shared.put(report, report + "/history?size=1000");
        hidden.add(report(cn, cnSupervisor, "MX-FGR", "Broker " + SECRET));

        // a transaction report US-FINCEN released to US-DEA; one of CN-CAMLMAC's it keeps
        String str = created(gateway.post("/api/finance/reports", RunningPlatform.token("us.finance"), transactionReport(
                "Structured deposits", "\"US-DEA\"")));
        shared.put(str, str + "/history?size=1000");
        hidden.add(created(gateway.post("/api/finance/reports", RunningPlatform.token("cn.finance"), transactionReport(
                "Deposits " + SECRET, ""))));

        // a pre-export notification of CN-CUSTOMS to US-DEA and a shipment on it; one to MX-FGR
        String chemical = RunningPlatform.token("cn.chemical");
        String pen = created(gateway.post("/api/chemicals/notifications", chemical,
                PEN.formatted("US-DEA", "Hubei Fine Chemicals", "Long Beach", "US")));
        shared.put(pen, pen + "/history?size=1000");
        String shipment = created(gateway.post("/api/chemicals/shipments", chemical, """
                {"notificationId":"%s","declaredGoods":"4-Anilinopiperidine (4-AP), CAS 23056-29-3"}""".formatted(id(pen))));
        shared.put(shipment, shipment + "/history?size=1000");
        hidden.add(created(gateway.post("/api/chemicals/notifications", chemical,
                PEN.formatted("MX-FGR", "Hubei " + SECRET, "Manzanillo", "MX"))));
    }

    @Test
    @Order(1)
    void usDeasPartnerSystemReadsExactlyTheReleasedItemsAsTheirHistoriesShowThem() {
        String partner = partner("US-DEA");
        Feed feed = readUntil(partner, null, 7, read -> read.has(shared.keySet()));

        assertThat(feed.ids()).doesNotHaveDuplicates();
        assertThat(feed.text()).doesNotContain(SECRET);
        for (String item : hidden) {
            assertThat(feed.itemIds()).doesNotContain(id(item));
        }
        String investigator = RunningPlatform.token("us.investigator");
        for (Map.Entry<String, String> item : shared.entrySet()) {
            JsonNode history = RunningPlatform.json(ok(gateway.get(item.getValue(), investigator), 200)).path("events");
            List<JsonNode> fed = feed.of(id(item.getKey()));
            assertThat(fed).as(item.getKey() + " on the feed").hasSize(history.size());
            for (int i = 0; i < history.size(); i++) {
                assertSameEvent(fed.get(i), history.get(i), item.getKey());
            }
        }
        // the case: US-DEA learns of the TLP:RED note only what its history shows, a stand-in in its place
        List<JsonNode> caseEvents = feed.of(id(caseShared));
        assertThat(caseEvents).extracting(event -> event.path("type").asText())
                .containsExactly("CaseOpenedEvent", "CaseNoteAddedEvent", "CasePartnerAddedEvent", "CaseNoteAddedEvent");
        assertThat(caseEvents.get(1).path("payload").path("withheld").asBoolean()).isTrue();
        assertThat(caseEvents.get(3).path("payload").path("text").asText()).isEqualTo("controlled delivery on 3 March");
        assertThat(caseEvents).allMatch(event -> event.path("context").asText().equals("cases")
                && event.path("itemType").asText().equals("case") && !event.has("globalPosition"));
        // the report: from its dissemination on, no draft or approval
        assertThat(feed.of(id(shared.keySet().stream().filter(k -> k.contains("/intel/")).findFirst().orElseThrow())))
                .extracting(event -> event.path("type").asText()).containsExactly("IntelReportDisseminatedEvent");
        // every other item on US-DEA's feed (other tests' items) is one US-DEA reads, shown as its history shows it
        for (String item : feed.itemIds()) {
            if (shared.keySet().stream().noneMatch(path -> path.endsWith(item))) {
                JsonNode first = feed.of(item).get(0);
                if (first.path("itemType").asText().equals("watchlist")) {
                    // US-DEA's own watchlist (entries and alerts; DeconflictionIT's, in the same platform) has no
                    // history endpoint; no other agency's watchlist may be on its feed
                    assertThat(feed.of(item)).allMatch(event -> event.path("itemId").asText().equals("watchlist-US-DEA")
                            && event.path("payload").path("agency").asText().equals("US-DEA"));
                    continue;
                }
                HttpResponse<String> history = gateway.get(historyPath(first), tokenFor(first, investigator));
                assertThat(history.statusCode()).as(first.toString()).isEqualTo(200);
                JsonNode events = RunningPlatform.json(history).path("events");
                assertThat(feed.of(item)).hasSize(events.size());
                for (int i = 0; i < events.size(); i++) {
                    assertSameEvent(feed.of(item).get(i), events.get(i), item);
                }
            }
        }
    }

    @Test
    @Order(2)
    void anotherAgencysItemsLeaveNoTraceNotAsACountNorAsAGap() {
        String partner = partner("US-DEA");
        Feed before = readUntil(partner, null, 50, read -> read.has(shared.keySet()));

        // CN-NNCC works on its own case: many events US-DEA may not see
        String cnSupervisor = RunningPlatform.token("cn.supervisor");
        for (int i = 0; i < 12; i++) {
            ok(gateway.post(caseHidden + "/notes", cnSupervisor, Map.of("text", SECRET + " " + i, "tlp", "TLP:AMBER")), 201);
        }
        Feed cn = readUntil(partner("CN-NNCC"), null, 100, read -> read.of(id(caseHidden)).size() >= 13);
        assertThat(cn.text()).contains(SECRET);

        HttpResponse<String> after = gateway.get("/api/feed?after=" + before.next(), partner);
        JsonNode page = RunningPlatform.json(ok(after, 200));
        assertThat(page.path("events")).isEmpty();
        List<String> fields = new ArrayList<>();
        page.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("events", "next");
        assertThat(after.body()).doesNotContain(SECRET).doesNotContain(id(caseHidden));
        // its cursor is opaque: neither a number nor the same text twice for the same place
        assertThat(page.path("next").asText()).doesNotContainPattern("^[0-9]+$").isNotEqualTo(before.next());
    }

    @Test
    @Order(3)
    void resumesFromItsCursorAfterTheGatewayAndAServiceRestartEveryEventExactlyOnce() {
        String partner = partner("US-DEA");
        // a part of the feed is read, the rest after the gateway and case-service restart
        JsonNode first = RunningPlatform.json(ok(gateway.get("/api/feed?limit=3", partner), 200));
        List<JsonNode> read = new ArrayList<>();
        first.path("events").forEach(read::add);
        String cursor = first.path("next").asText();

        RunningPlatform.platform().restart("gateway");
        RunningPlatform.platform().restart("case-service");
        String cnSupervisor = RunningPlatform.token("cn.supervisor");
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "after the restart", "tlp", "TLP:GREEN")), 201);

        // a token fetched after the restarts (the one from before is still valid too)
        Feed rest = readUntil(partner("US-DEA"), cursor, 4,
                feed -> feed.of(id(caseShared)).stream().anyMatch(e -> e.path("payload").path("text").asText().equals("after the restart")));
        read.addAll(rest.events());
        Feed all = new Feed(read, rest.next());
        assertThat(all.ids()).doesNotHaveDuplicates();
        Feed fromStart = readUntil(partner, null, 100, feed -> feed.ids().containsAll(all.ids()));
        assertThat(all.ids()).containsExactlyElementsOf(fromStart.ids());
    }

    @Test
    @Order(4)
    void serverSentEventsResumeFromLastEventIdWithoutLossOrRepeat() throws Exception {
        String partner = partner("US-DEA");
        Feed whole = readUntil(partner, null, 100, read -> read.has(shared.keySet()));
        List<String> ids = whole.ids();
        assertThat(ids.size()).isGreaterThan(6);

        List<Sse> first = sse(partner, null, 5);
        List<Sse> second = sse(partner, first.get(first.size() - 1).id(), ids.size() - 5);
        List<String> streamed = new ArrayList<>();
        first.forEach(event -> streamed.add(RunningPlatform.parse(event.data()).path("id").asText()));
        second.forEach(event -> streamed.add(RunningPlatform.parse(event.data()).path("id").asText()));
        assertThat(streamed).containsExactlyElementsOf(ids);

        // an event that happens while the stream is open arrives on it
        String cnSupervisor = RunningPlatform.token("cn.supervisor");
        Thread writer = new Thread(() -> {
            sleep(2000);
            ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "live", "tlp", "TLP:GREEN")), 201);
        });
        writer.start();
        List<Sse> live = sse(partner, second.get(second.size() - 1).id(), 1);
        writer.join();
        assertThat(RunningPlatform.parse(live.get(0).data()).path("payload").path("text").asText()).isEqualTo("live");
    }

    @Test
    @Order(5)
    void badCursorsAndLimitsAreProblemsNamingThemAndWithoutATokenIt401s() {
        String us = partner("US-DEA");
        String cnCursor = RunningPlatform.json(ok(gateway.get("/api/feed?limit=1", partner("CN-NNCC")), 200)).path("next").asText();
        String usCursor = RunningPlatform.json(ok(gateway.get("/api/feed?limit=1", us), 200)).path("next").asText();
        char flipped = usCursor.charAt(30) == 'A' ? 'B' : 'A';
        String tampered = usCursor.substring(0, 30) + flipped + usCursor.substring(31);
        for (String cursor : List.of(cnCursor, tampered, "MTIzNDU2", "0")) {
            HttpResponse<String> refused = gateway.get("/api/feed?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), us);
            assertProblem(refused, 400, "after");
        }
        for (String limit : List.of("0", "501", "all")) {
            assertProblem(gateway.get("/api/feed?limit=" + limit, us), 400, "limit");
        }
        HttpResponse<String> anonymous = gateway.get("/api/feed", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // an officer's token is not a partner system's
        assertThat(gateway.get("/api/feed", RunningPlatform.token("us.investigator")).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void eachAgencysPartnerClientReadsItsOwnAgencysFeedAndNothingElse() {
        Map<String, String> expected = Map.of("CN-NNCC", caseHidden, "US-DEA", caseShared,
                "CN-CUSTOMS", shared.keySet().stream().filter(k -> k.contains("/notifications/")).findFirst().orElseThrow(),
                "US-FINCEN", shared.keySet().stream().filter(k -> k.contains("/finance/")).findFirst().orElseThrow(),
                "CN-CAMLMAC", hidden.stream().filter(k -> k.contains("/finance/")).findFirst().orElseThrow(),
                "MX-FGR", hidden.stream().filter(k -> k.contains("/notifications/")).findFirst().orElseThrow());
        for (Realm.PartnerClient client : Realm.PARTNER_CLIENTS) {
            String token = RunningPlatform.clientToken(client.clientId(), client.secret());
            String item = expected.get(client.agency());
            Feed feed = readUntil(token, null, 200, read -> read.itemIds().contains(id(item)));
            assertThat(feed.ids()).as(client.clientId()).doesNotHaveDuplicates();
            if (!client.agency().equals("US-DEA") && !client.agency().equals("CN-NNCC")) {
                assertThat(feed.itemIds()).as(client.clientId()).doesNotContain(id(caseShared));
            }
            // its role reads the feed and nothing else
            for (String path : List.of("/api/cases", "/api/intel/reports", "/api/finance/reports", "/api/chemicals/shipments",
                    "/api/audit/checkpoints")) {
                assertThat(gateway.get(path, token).statusCode()).as(client.clientId() + " " + path).isEqualTo(403);
            }
        }
    }

    // --- the feed as a partner system reads it

    /** The events read, in order, and the cursor after them. */
    record Feed(List<JsonNode> events, String next) {
        List<String> ids() {
            return events.stream().map(event -> event.path("id").asText()).toList();
        }

        Set<String> itemIds() {
            Set<String> items = new java.util.LinkedHashSet<>();
            events.forEach(event -> items.add(event.path("itemId").asText()));
            return items;
        }

        List<JsonNode> of(String itemId) {
            return events.stream().filter(event -> event.path("itemId").asText().equals(itemId)).toList();
        }

        boolean has(Set<String> items) {
            return items.stream().allMatch(item -> itemIds().contains(id(item)));
        }

        String text() {
            return events.toString();
        }
    }

    /** Reads page after page from {@code cursor} until {@code done} holds once the feed is read to its end. */
    static Feed readUntil(String token, String cursor, int limit, Predicate<Feed> done) {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String next = cursor;
        while (true) {
            String query = "/api/feed?limit=" + limit + (next == null ? "" : "&after=" + next);
            JsonNode page = RunningPlatform.json(ok(gateway.get(query, token), 200));
            page.path("events").forEach(events::add);
            next = page.path("next").asText();
            Feed feed = new Feed(List.copyOf(events), next);
            if (page.path("events").isEmpty()) {
                if (done.test(feed)) {
                    return feed;
                }
                assertThat(System.nanoTime()).as("the feed shows what is expected within " + PATIENCE + ": " + feed.ids())
                        .isLessThan(deadline);
                sleep(500);
            }
        }
    }

    /** A server-sent event. */
    record Sse(String id, String data) {
    }

    /** Opens the stream (after {@code lastEventId} if given), takes {@code count} events and hangs up. */
    static List<Sse> sse(String token, String lastEventId, int count) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/api/feed?limit=3"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(120));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = RunningPlatform.http().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Sse> events = new ArrayList<>();
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (events.size() < count && (line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Sse(id, data.toString()));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        assertThat(events).hasSize(count);
        return events;
    }

    // --- helpers

    static String partner(String agency) {
        Realm.PartnerClient client = Realm.partnerClient(agency);
        return RunningPlatform.clientToken(client.clientId(), client.secret());
    }

    static void assertSameEvent(JsonNode fed, JsonNode history, String item) {
        assertThat(fed.path("id").asText()).isEqualTo(fed.path("itemId").asText() + "/" + history.path("sequence").asLong());
        for (String field : List.of("sequence", "type", "revision", "timestamp", "actor", "actorId", "agency",
                "correlationId", "clientCorrelationId", "causationId", "payload")) {
            assertThat(fed.path(field)).as(item + " event " + history.path("sequence") + " " + field)
                    .isEqualTo(history.path(field));
        }
        assertThat(fed.has("globalPosition")).isFalse();
    }

    /** The history of an event's item, by its kind. */
    static String historyPath(JsonNode event) {
        String id = event.path("itemId").asText();
        String base = switch (event.path("itemType").asText()) {
            case "case" -> "/api/cases/";
            case "cooperation-request" -> "/api/cases/cooperation-requests/";
            case "case-lead" -> "/api/cases/leads/";
            case "intel-report" -> "/api/intel/reports/";
            case "takedown-request" -> "/api/intel/takedowns/";
            case "transaction-report" -> "/api/finance/reports/";
            case "asset" -> "/api/finance/assets/";
            case "freeze-request" -> "/api/finance/freeze-requests/";
            case "pre-export-notification" -> "/api/chemicals/notifications/";
            case "shipment" -> "/api/chemicals/shipments/";
            case "incident" -> "/api/chemicals/incidents/";
            default -> throw new AssertionError("an unknown kind of item on the feed: " + event);
        };
        return base + id + "/history?size=1000";
    }

    static String tokenFor(JsonNode event, String investigator) {
        return event.path("context").asText().equals("chemicals") ? RunningPlatform.token("us.chemical") : investigator;
    }

    static String report(String drafter, String supervisor, String releasedTo, String title) {
        String location = created(gateway.post("/api/intel/reports", drafter, Map.of(
                "title", title, "summary", "Broker network", "category", "ORGANISED_CRIME_GROUP",
                "sourceReliability", "B", "informationCredibility", 2, "releasedTo", List.of(releasedTo),
                "tlp", "TLP:AMBER", "handlingCode", "H2",
                "entities", List.of(Map.of("entityId", "e1", "type", "ORGANISATION", "value", "Hebei Chem Co., Ltd.")))));
        ok(gateway.post(location + "/submission", drafter, Map.of()), 200);
        ok(gateway.post(location + "/approval", supervisor, Map.of()), 200);
        return location;
    }

    static String transactionReport(String reason, String releasedTo) {
        return """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
                 "reason":"%s","releasedTo":[%s],"tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(reason, releasedTo);
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(RunningPlatform.json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
