package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Platform;
import io.jointops.infra.Realm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, part 2: webhooks end to end, through the gateway with the agencies' partner clients' real tokens, to an
 * HTTPS receiver on loopback with a certificate made for the run ({@link WebhookReceiver}). US-DEA's webhook gets
 * each event of a case released to US-DEA exactly as US-DEA's partner feed carries it (CN-NNCC's TLP:RED note as its
 * withheld stand-in), signed with the secret its registration answered once (HMAC-SHA256 over {@code <t>.<body>},
 * checked here from the documented rule, not with the platform's code), and nothing of a case CN-NNCC keeps, which
 * CN-NNCC's own webhook gets; a receiver that answers 500 is tried three times with one delivery id, then the delivery
 * is dead-lettered and listed so; a webhook filtered to one event type gets only that type; a deleted webhook gets
 * nothing more. Bad registrations are 400 problems naming the field (http, private and metadata addresses,
 * credentials in the URL, unknown event types); another agency's or a forged webhook is a 404 everywhere; the
 * registration is an event of the audit trail that holds no secret.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String SECRET = "KESTREL-" + System.nanoTime();
    static final String US_PATH = "/us-dea";
    static final String CN_PATH = "/cn-nncc";
    static final String FAILING_PATH = "/failing";

    record Webhook(String id, String secret) {
    }

    static RunningPlatform.Gateway gateway;
    static WebhookReceiver receiver;
    static String usPartner;
    static String cnPartner;
    static Webhook usAll;
    static Webhook usFailing;
    static Webhook cnAll;
    static String caseShared;
    static String caseHidden;

    @BeforeAll
    static void start() {
        gateway = RunningPlatform.gateway();
        receiver = WebhookReceiver.start(path -> path.equals(FAILING_PATH) ? 500 : 200);
        usPartner = partner("US-DEA");
        cnPartner = partner("CN-NNCC");
    }

    @AfterAll
    static void stop() {
        for (Webhook webhook : new Webhook[]{usFailing, cnAll}) {
            if (webhook != null) {
                gateway.delete("/api/webhooks/" + webhook.id(), webhook == cnAll ? cnPartner : usPartner);
            }
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void aPartnerSystemRegistersWebhooksAndIsShownTheSecretOnceAndBadInputIsRefused() {
        HttpResponse<String> registered = gateway.post("/api/webhooks", usPartner,
                Map.of("url", receiver.url(US_PATH), "events", List.of("*")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = RunningPlatform.json(registered);
        usAll = new Webhook(body.path("id").asText(), body.path("secret").asText());
        assertThat(registered.headers().firstValue("Location")).hasValue("/api/webhooks/" + usAll.id());
        assertThat(usAll.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(body.path("url").asText()).isEqualTo(receiver.url(US_PATH));
        assertThat(body.path("events")).extracting(JsonNode::asText).containsExactly("*");

        // the secret is shown once: neither the webhook nor the list shows it again
        HttpResponse<String> read = ok(gateway.get("/api/webhooks/" + usAll.id(), usPartner), 200);
        assertThat(RunningPlatform.json(read).has("secret")).isFalse();
        assertThat(read.body()).doesNotContain(usAll.secret());
        HttpResponse<String> list = ok(gateway.get("/api/webhooks", usPartner), 200);
        assertThat(list.body()).contains(usAll.id()).doesNotContain(usAll.secret());

        // auditable: the registration is an event of the audit trail, with its URL and without its secret
        String correlationId = registered.headers().firstValue("X-Correlation-Id").orElseThrow();
        HttpResponse<String> audit = ok(gateway.get("/api/audit/events?correlationId=" + correlationId,
                RunningPlatform.token("auditor")), 200);
        JsonNode events = RunningPlatform.json(audit).path("events");
        assertThat(events).extracting(event -> event.path("type").asText()).containsExactly("WebhookRegisteredEvent");
        assertThat(events.get(0).path("payload").path("webhookId").asText()).isEqualTo(usAll.id());
        assertThat(events.get(0).path("payload").path("url").asText()).isEqualTo(receiver.url(US_PATH));
        assertThat(audit.body()).doesNotContain(usAll.secret()).doesNotContain(usAll.secret().substring(6));

        usFailing = register(usPartner, FAILING_PATH, List.of("CaseOpenedEvent"));
        cnAll = register(cnPartner, CN_PATH, List.of("*"));
        assertThat(cnAll.secret()).isNotEqualTo(usAll.secret()).isNotEqualTo(usFailing.secret());

        // bad input: a 400 problem naming the field, and nothing registered
        String https = "https://partner.example.org/hooks";
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("*")),
                Map.of("url", "https://10.0.0.5/hook", "events", List.of("*")),
                Map.of("url", "https://169.254.169.254/latest/meta-data", "events", List.of("*")),
                Map.of("url", "https://[fd00::1]/hook", "events", List.of("*")),
                Map.of("url", "https://user:password@partner.example.org/hooks", "events", List.of("*")),
                Map.of("url", "not a url", "events", List.of("*")),
                Map.of("events", List.of("*")))) {
            assertProblem(gateway.post("/api/webhooks", usPartner, bad), 400, "url");
        }
        assertProblem(gateway.post("/api/webhooks", usPartner, Map.of("url", https, "events", List.of("NoSuchEvent"))),
                400, "events");
        assertProblem(gateway.post("/api/webhooks", usPartner, Map.of("url", https, "events", List.of())), 400, "events");
        assertProblem(gateway.post("/api/webhooks", usPartner, Map.of("url", https)), 400, "events");
        assertThat(RunningPlatform.json(ok(gateway.get("/api/webhooks", usPartner), 200)))
                .extracting(webhook -> webhook.path("id").asText())
                .containsExactlyInAnyOrder(usAll.id(), usFailing.id());

        // only an agency's partner system (role feed-reader) has webhooks
        assertThat(gateway.post("/api/webhooks", RunningPlatform.token("us.supervisor"),
                Map.of("url", https, "events", List.of("*"))).statusCode()).isEqualTo(403);
        assertThat(gateway.get("/api/webhooks", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void anotherAgencysOrAForgedWebhookIsNotFound() {
        String forged = UUID.randomUUID().toString();
        for (String id : List.of(usAll.id(), forged)) {
            assertProblem(gateway.get("/api/webhooks/" + id, cnPartner), 404, null);
            assertProblem(gateway.get("/api/webhooks/" + id + "/deliveries", cnPartner), 404, null);
            assertProblem(gateway.delete("/api/webhooks/" + id, cnPartner), 404, null);
        }
        assertProblem(gateway.get("/api/webhooks/" + forged, usPartner), 404, null);
        assertProblem(gateway.get("/api/webhooks/" + forged + "/deliveries", usPartner), 404, null);
        assertThat(ok(gateway.get("/api/webhooks", cnPartner), 200).body()).doesNotContain(usAll.id())
                .contains(cnAll.id());
        // US-DEA's webhook is still there
        ok(gateway.get("/api/webhooks/" + usAll.id(), usPartner), 200);
    }

    @Test
    @Order(3)
    void deliveriesCarryExactlyWhatTheAgencysFeedCarriesSignedWithItsSecret() throws Exception {
        awaitKnownByEveryService(usAll.id(), usFailing.id(), cnAll.id());
        String cnSupervisor = RunningPlatform.token("cn.supervisor");
        caseShared = created(gateway.post("/api/cases", cnSupervisor, Map.of("title", "Operation Kestrel",
                "summary", "Precursors via Busan", "partnerAgencies", List.of(), "tlp", "TLP:AMBER", "handlingCode", "H1")));
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "informant " + SECRET, "tlp", "TLP:RED")), 201);
        ok(gateway.post(caseShared + "/partners", cnSupervisor, Map.of("agency", "US-DEA")), 200);
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "controlled delivery on 9 May", "tlp", "TLP:AMBER")), 201);
        caseHidden = created(gateway.post("/api/cases", cnSupervisor, Map.of("title", "Operation " + SECRET,
                "summary", "CN-NNCC only", "partnerAgencies", List.of(), "tlp", "TLP:RED", "handlingCode", "H3")));
        String shared = id(caseShared);
        String hidden = id(caseHidden);

        await("US-DEA's webhook gets the four events of the shared case",
                () -> eventIds(US_PATH).containsAll(List.of(shared + "/0", shared + "/1", shared + "/2", shared + "/3")));
        await("CN-NNCC's webhook gets the case CN-NNCC keeps", () -> eventIds(CN_PATH).contains(hidden + "/0"));
        await("CN-NNCC's webhook gets the shared case", () -> eventIds(CN_PATH).contains(shared + "/3"));

        // exactly what US-DEA's feed carries: each event equal to the feed's, field by field
        Map<String, JsonNode> feed = feed(usPartner, shared, 4);
        List<WebhookReceiver.Received> toUs = receiver.received(US_PATH);
        for (WebhookReceiver.Received delivery : toUs) {
            JsonNode body = RunningPlatform.parse(new String(delivery.body(), StandardCharsets.UTF_8));
            assertSigned(delivery, usAll);
            assertThat(delivery.header("JointOps-Delivery")).isEqualTo(body.path("id").asText());
            assertThat(delivery.header("JointOps-Webhook")).isEqualTo(usAll.id());
            assertThat(body.path("webhookId").asText()).isEqualTo(usAll.id());
            assertThat(verdict(cnAll.secret(), delivery, Instant.now())).as("another webhook's secret")
                    .isEqualTo("bad signature");
            JsonNode event = body.path("event");
            assertThat(event.path("itemId").asText()).as("never an item not released to US-DEA").isNotEqualTo(hidden);
            if (event.path("itemId").asText().equals(shared)) {
                assertThat(event).as("delivered as the feed carries " + event.path("id").asText())
                        .isEqualTo(feed.get(event.path("id").asText()));
            }
        }
        assertThat(toUs.stream().map(delivery -> new String(delivery.body(), StandardCharsets.UTF_8)))
                .noneMatch(text -> text.contains(SECRET));
        JsonNode redNote = event(US_PATH, shared + "/1");
        assertThat(redNote.path("type").asText()).isEqualTo("CaseNoteAddedEvent");
        assertThat(redNote.path("payload").path("withheld").asBoolean()).as("the TLP:RED note as its stand-in").isTrue();
        assertThat(event(US_PATH, shared + "/3").path("payload").path("text").asText())
                .isEqualTo("controlled delivery on 9 May");
        // every event sent to US-DEA is on US-DEA's feed (other tests' items included)
        Set<String> onFeed = feedIds(usPartner);
        assertThat(eventIds(US_PATH)).allMatch(onFeed::contains);
        assertThat(eventIds(US_PATH)).doesNotHaveDuplicates();

        // CN-NNCC's webhook: its own note in full, its own case, signed with its own secret
        assertThat(event(CN_PATH, shared + "/1").path("payload").path("text").asText()).isEqualTo("informant " + SECRET);
        receiver.received(CN_PATH).forEach(delivery -> assertSigned(delivery, cnAll));

        // listed, each delivered at the first attempt
        JsonNode deliveries = RunningPlatform.json(ok(gateway.get("/api/webhooks/" + usAll.id() + "/deliveries",
                usPartner), 200)).path("deliveries");
        List<JsonNode> ofShared = new ArrayList<>();
        deliveries.forEach(delivery -> {
            if (delivery.path("itemId").asText().equals(shared)) {
                ofShared.add(delivery);
            }
        });
        assertThat(ofShared).extracting(delivery -> delivery.path("eventId").asText())
                .containsExactlyInAnyOrder(shared + "/0", shared + "/1", shared + "/2", shared + "/3");
        assertThat(ofShared).allSatisfy(delivery -> {
            assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("lastStatus").asInt()).isEqualTo(200);
            assertThat(delivery.path("context").asText()).isEqualTo("cases");
            assertThat(delivery.path("webhookId").asText()).isEqualTo(usAll.id());
        });
        assertThat(ofShared).extracting(delivery -> delivery.path("type").asText())
                .containsExactlyInAnyOrder("CaseOpenedEvent", "CaseNoteAddedEvent", "CasePartnerAddedEvent",
                        "CaseNoteAddedEvent");
        assertThat(deliveries.toString()).doesNotContain(hidden);
    }

    @Test
    @Order(4)
    void aFailingReceiverIsTriedAgainWithTheSameDeliveryThenDeadLettered() {
        String shared = id(caseShared);
        await("the failing webhook's delivery is dead-lettered", () -> {
            JsonNode deliveries = RunningPlatform.json(ok(gateway.get("/api/webhooks/" + usFailing.id()
                    + "/deliveries?status=DEAD", usPartner), 200)).path("deliveries");
            return deliveries.size() == 1 && deliveries.get(0).path("eventId").asText().equals(shared + "/0");
        });
        JsonNode dead = RunningPlatform.json(ok(gateway.get("/api/webhooks/" + usFailing.id() + "/deliveries",
                usPartner), 200)).path("deliveries");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).path("status").asText()).isEqualTo("DEAD");
        assertThat(dead.get(0).path("attempts").asInt()).as("jointops.webhooks.retry.attempts").isEqualTo(3);
        assertThat(dead.get(0).path("lastStatus").asInt()).isEqualTo(500);
        assertThat(dead.get(0).path("lastError").asText()).isEqualTo("answered HTTP 500");
        assertThat(dead.get(0).path("type").asText()).isEqualTo("CaseOpenedEvent");

        // three attempts of one delivery: one id (which a receiver recognises a repeat by), fresh timestamps, each
        // signed; only the one event type the webhook wants, though the case has four events for US-DEA
        List<WebhookReceiver.Received> attempts = receiver.received(FAILING_PATH);
        assertThat(attempts).hasSize(3);
        assertThat(attempts.stream().map(attempt -> attempt.header("JointOps-Delivery")).distinct())
                .containsExactly(dead.get(0).path("id").asText());
        attempts.forEach(attempt -> assertSigned(attempt, usFailing));
        assertThat(attempts).extracting(attempt -> RunningPlatform.parse(new String(attempt.body(), StandardCharsets.UTF_8))
                .path("event").path("type").asText()).containsOnly("CaseOpenedEvent");
        List<Long> timestamps = attempts.stream().map(WebhookIT::timestamp).toList();
        assertThat(timestamps).isSorted().doesNotHaveDuplicates();
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(2).at())).as("1 s, then 2 s of back-off")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2_500));

        // the receiver's check: a delivery replayed after the tolerance is refused by its timestamp
        WebhookReceiver.Received first = attempts.get(0);
        assertThat(verdict(usFailing.secret(), first, Instant.ofEpochSecond(timestamp(first)).plus(TOLERANCE)
                .plusSeconds(1))).isEqualTo("outside tolerance");

        assertProblem(gateway.get("/api/webhooks/" + usFailing.id() + "/deliveries?status=LOST", usPartner), 400, "status");
        assertProblem(gateway.get("/api/webhooks/" + usFailing.id() + "/deliveries?limit=0", usPartner), 400, "limit");
    }

    @Test
    @Order(5)
    void aDeletedWebhookGetsNothingMore() {
        assertThat(gateway.delete("/api/webhooks/" + usAll.id(), usPartner).statusCode()).isEqualTo(204);
        assertProblem(gateway.get("/api/webhooks/" + usAll.id(), usPartner), 404, null);
        await("no service lists the deleted webhook's deliveries", () ->
                gateway.get("/api/webhooks/" + usAll.id() + "/deliveries", usPartner).statusCode() == 404);
        awaitForgottenByEveryService(usAll.id());
        int before = receiver.received(US_PATH).size();
        String cnSupervisor = RunningPlatform.token("cn.supervisor");
        ok(gateway.post(caseShared + "/notes", cnSupervisor, Map.of("text", "handover on 12 May", "tlp", "TLP:AMBER")), 201);
        String shared = id(caseShared);
        await("CN-NNCC's webhook gets the new note", () -> eventIds(CN_PATH).contains(shared + "/4"));
        await("US-DEA's feed has the new note", () -> feedIds(usPartner).contains(shared + "/4"));
        sleep(3_000); // the dispatchers' idle check is 2 s: anything due for US-DEA would have gone by now
        assertThat(receiver.received(US_PATH)).hasSize(before);
    }

    // --- helpers

    static Webhook register(String token, String path, List<String> events) {
        HttpResponse<String> registered = gateway.post("/api/webhooks", token,
                Map.of("url", receiver.url(path), "events", events));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = RunningPlatform.json(registered);
        return new Webhook(body.path("id").asText(), body.path("secret").asText());
    }

    /** The documented check, written from its description: HMAC-SHA256 over {@code <t>.<body>}, t within 5 minutes. */
    static void assertSigned(WebhookReceiver.Received delivery, Webhook webhook) {
        assertThat(verdict(webhook.secret(), delivery, delivery.at())).as(delivery.header("JointOps-Signature"))
                .isEqualTo("valid");
    }

    static String verdict(String secret, WebhookReceiver.Received delivery, Instant now) {
        String header = delivery.header("JointOps-Signature");
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.split(",")) {
            parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((parts.get("t") + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = mac.doFinal(delivery.body());
            if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")))) {
                return "bad signature";
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        long age = now.getEpochSecond() - Long.parseLong(parts.get("t"));
        return Math.abs(age) > TOLERANCE.toSeconds() ? "outside tolerance" : "valid";
    }

    static long timestamp(WebhookReceiver.Received delivery) {
        String header = delivery.header("JointOps-Signature");
        return Long.parseLong(header.substring(2, header.indexOf(',')));
    }

    static List<String> eventIds(String path) {
        return receiver.received(path).stream()
                .map(delivery -> RunningPlatform.parse(new String(delivery.body(), StandardCharsets.UTF_8))
                        .path("event").path("id").asText())
                .toList();
    }

    static JsonNode event(String path, String eventId) {
        return receiver.received(path).stream()
                .map(delivery -> RunningPlatform.parse(new String(delivery.body(), StandardCharsets.UTF_8)).path("event"))
                .filter(event -> event.path("id").asText().equals(eventId))
                .findFirst().orElseThrow(() -> new AssertionError(eventId + " was not delivered to " + path));
    }

    /** The agency's feed's events of {@code itemId}, by id, once there are {@code count} of them. */
    static Map<String, JsonNode> feed(String token, String itemId, int count) {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        await(count + " events of " + itemId + " on the feed", () -> {
            events.clear();
            readFeed(token).stream().filter(event -> event.path("itemId").asText().equals(itemId))
                    .forEach(event -> events.put(event.path("id").asText(), event));
            return events.size() >= count;
        });
        return events;
    }

    static Set<String> feedIds(String token) {
        return readFeed(token).stream().map(event -> event.path("id").asText()).collect(Collectors.toSet());
    }

    static List<JsonNode> readFeed(String token) {
        List<JsonNode> events = new ArrayList<>();
        String next = null;
        while (true) {
            JsonNode page = RunningPlatform.json(ok(gateway.get("/api/feed?limit=500" + (next == null ? "" : "&after=" + next),
                    token), 200));
            page.path("events").forEach(events::add);
            next = page.path("next").asText();
            if (page.path("events").isEmpty()) {
                return events;
            }
        }
    }

    /** Waits until each service has learnt of the webhooks from their events (its copy of them), so none misses an event. */
    static void awaitKnownByEveryService(String... webhookIds) {
        await("every service knows the webhooks", () -> known(webhookIds) == webhookIds.length * Platform.SERVICES.size());
    }

    static void awaitForgottenByEveryService(String webhookId) {
        await("every service forgot the webhook", () -> known(webhookId) == 0);
    }

    static int known(String... webhookIds) {
        Platform platform = RunningPlatform.platform();
        int found = 0;
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(),
                platform.options().dbPassword())) {
            for (Platform.Service service : Platform.SERVICES) {
                try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM " + service.schema()
                        + ".webhook_subscription WHERE webhook_id = ANY (?)")) {
                    query.setArray(1, db.createArrayOf("varchar", webhookIds));
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        found += rows.getInt(1);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s in vain: " + what);
            }
            sleep(250);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(RunningPlatform.json(response).path("errors")).extracting(error -> error.path("field").asText())
                    .contains(field);
        }
    }

    static String partner(String agency) {
        Realm.PartnerClient client = Realm.partnerClient(agency);
        return RunningPlatform.clientToken(client.clientId(), client.secret());
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
