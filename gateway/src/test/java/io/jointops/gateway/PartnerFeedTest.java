package io.jointops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The partner feed as a partner system sees it through a real gateway, with real signed tokens and stubs standing in
 * for the four services' parts of the feed: one merged order, an opaque cursor that reads on without loss or repeat
 * and that no other agency, forger or tamperer can use, bounds on {@code limit}, server-sent events resumed by
 * {@code Last-Event-ID}, and a service that is down failing the page instead of skipping its events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.shutdown=immediate", "jointops.feed.long-poll=1s", "jointops.feed.keep-alive=200ms"})
class PartnerFeedTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens tokens = new TestTokens();
    private static final StubServices keycloak = startKeycloak();
    private static final Map<String, FeedStub> services = new HashMap<>();

    static {
        for (String context : FeedCursor.CONTEXTS) {
            services.put(context, new FeedStub(context));
        }
    }

    @Autowired
    private WebTestClient client;

    private static StubServices startKeycloak() {
        try {
            StubServices stub = new StubServices(tokens.key());
            tokens.issuer(stub.issuer());
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtStubs(DynamicPropertyRegistry registry) {
        registry.add("jointops.issuer-uri", keycloak::issuer);
        services.forEach((context, stub) -> registry.add("jointops.routes." + context, stub::baseUri));
    }

    @AfterAll
    static void stop() {
        keycloak.close();
        services.values().forEach(FeedStub::close);
    }

    @BeforeEach
    void freshFeeds() {
        services.values().forEach(FeedStub::reset);
        // the services recorded these for the agency at these seconds; positions count every agency's rows
        services.get("cases").add(101, 1, "case-a/0").add(140, 4, "case-a/1");
        services.get("intel").add(7, 2, "report-b/0");
        services.get("finance").add(2_000, 3, "str-c/0").add(2_050, 6, "str-c/1");
        services.get("chemicals").add(55, 5, "shipment-d/0");
    }

    private static String partner(String agency) {
        return tokens.signed(tokens.keycloakClaims("feed-reader").claim("agency", agency)
                .claim("azp", "jointops-partner-" + agency.toLowerCase()));
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private JsonNode page(String token, String query) {
        byte[] body = client.get().uri(PartnerFeed.PATH + query).headers(bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("events").forEach(event -> ids.add(event.path("id").asText()));
        return ids;
    }

    @Test
    void oneOrderAcrossTheServicesReadOnPageByPageWithoutLossOrRepeat() {
        String token = partner("US-DEA");
        JsonNode first = page(token, "?limit=4");
        assertThat(ids(first)).containsExactly("case-a/0", "report-b/0", "str-c/0", "case-a/1");
        String next = first.path("next").asText();
        assertThat(next).matches("[A-Za-z0-9_-]{40,}");
        assertThat(first.toString()).doesNotContain("\"position\"").doesNotContain("2000").doesNotContain("2050");

        JsonNode second = page(token, "?limit=4&after=" + next);
        assertThat(ids(second)).containsExactly("shipment-d/0", "str-c/1");
        JsonNode third = page(token, "?after=" + second.path("next").asText());
        assertThat(ids(third)).isEmpty();

        // new events after the cursor: only they come
        services.get("intel").add(9, 7, "report-b/1");
        assertThat(ids(page(token, "?after=" + third.path("next").asText()))).containsExactly("report-b/1");

        // every service was asked after where the cursor said, with the caller's own token
        assertThat(services.get("finance").requests()).contains("after=2050&limit=100&wait=0");
        assertThat(services.get("cases").tokens()).containsOnly("Bearer " + token);
    }

    @Test
    void aCursorOfAnotherAgencyForgedOrTamperedWithIsA400NamingAfter() {
        String cn = page(partner("CN-NNCC"), "?limit=1").path("next").asText();
        String us = partner("US-DEA");
        char flipped = cn.charAt(20) == 'A' ? 'B' : 'A';
        for (String cursor : List.of(cn, cn.substring(0, 20) + flipped + cn.substring(21), "forged", "AAAA")) {
            client.get().uri(PartnerFeed.PATH + "?after=" + cursor).headers(bearer(us)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.errors[0].field").isEqualTo("after");
        }
        for (String limit : List.of("0", "501", "-3", "many")) {
            client.get().uri(PartnerFeed.PATH + "?limit=" + limit).headers(bearer(us)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        }
        client.get().uri(PartnerFeed.PATH + "?limit=500").headers(bearer(us)).exchange().expectStatus().isOk();
    }

    @Test
    void onlyAPartnerSystemWithAnAgencyReadsTheFeed() {
        client.get().uri(PartnerFeed.PATH).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
        client.get().uri(PartnerFeed.PATH).headers(bearer(tokens.forRoles("investigator", "auditor"))).exchange()
                .expectStatus().isForbidden();
        JWTClaimsSet.Builder noAgency = tokens.keycloakClaims("feed-reader").claim("agency", null);
        client.get().uri(PartnerFeed.PATH).headers(bearer(tokens.signed(noAgency))).exchange()
                .expectStatus().isForbidden();
        assertThat(services.values()).allMatch(stub -> stub.requests().isEmpty());
    }

    @Test
    void aServiceThatIsDownFailsThePageInsteadOfSkippingItsEvents() {
        String token = partner("US-DEA");
        services.get("finance").down = true;
        client.get().uri(PartnerFeed.PATH).headers(bearer(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("finance"));
        services.get("finance").down = false;
        assertThat(ids(page(token, ""))).contains("str-c/0", "str-c/1");
    }

    @Test
    void serverSentEventsCarryTheCursorAsIdAndResumeAfterLastEventId() {
        String token = partner("US-DEA");
        List<ServerSentEvent<String>> first = client.get().uri(PartnerFeed.PATH + "?limit=2")
                .accept(MediaType.TEXT_EVENT_STREAM).headers(bearer(token)).exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(event -> event.data() != null).take(3).collectList().block(Duration.ofSeconds(20));
        assertThat(first).extracting(event -> JSON.readTree(event.data()).path("id").asText())
                .containsExactly("case-a/0", "report-b/0", "str-c/0");
        assertThat(first).allMatch(event -> event.id() != null && event.id().matches("[A-Za-z0-9_-]{40,}"));

        // a reconnect with the last id goes on from there, also with events that came meanwhile
        services.get("cases").add(150, 8, "case-a/2");
        List<ServerSentEvent<String>> resumed = client.get().uri(PartnerFeed.PATH)
                .accept(MediaType.TEXT_EVENT_STREAM).headers(bearer(token))
                .header(PartnerFeed.LAST_EVENT_ID, first.get(2).id()).exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(event -> event.data() != null).take(4).collectList().block(Duration.ofSeconds(20));
        assertThat(resumed).extracting(event -> JSON.readTree(event.data()).path("id").asText())
                .containsExactly("case-a/1", "shipment-d/0", "str-c/1", "case-a/2");

        // idle, the stream stays open with comments, and an event that comes later arrives on it
        List<ServerSentEvent<String>> later = client.get().uri(PartnerFeed.PATH)
                .accept(MediaType.TEXT_EVENT_STREAM).headers(bearer(token))
                .header(PartnerFeed.LAST_EVENT_ID, resumed.get(3).id()).exchange()
                .returnResult(SSE).getResponseBody()
                .doOnNext(event -> {
                    if (event.comment() != null) {
                        services.get("chemicals").add(60, 9, "shipment-d/1");
                    }
                })
                .filter(event -> event.data() != null).take(1).collectList().block(Duration.ofSeconds(20));
        assertThat(later).extracting(event -> JSON.readTree(event.data()).path("id").asText())
                .containsExactly("shipment-d/1");

        client.get().uri(PartnerFeed.PATH).accept(MediaType.TEXT_EVENT_STREAM).headers(bearer(token))
                .header(PartnerFeed.LAST_EVENT_ID, "tampered").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(PartnerFeed.LAST_EVENT_ID);
    }

    /** A service's part of the feed: events by position, answered after a position as the platform's controller does. */
    static final class FeedStub implements AutoCloseable {
        private final String context;
        private final HttpServer server;
        private final List<ObjectNode> entries = new CopyOnWriteArrayList<>();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<String> tokens = new CopyOnWriteArrayList<>();
        volatile boolean down;

        FeedStub(String context) {
            this.context = context;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/internal/feed", this::answer);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        String baseUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        FeedStub add(long position, int second, String id) {
            ObjectNode entry = JSON.createObjectNode().put("position", position);
            entry.putObject("event").put("id", id).put("context", context)
                    .put("recordedAt", Instant.ofEpochSecond(1_800_000_000L + second).toString())
                    .putObject("payload").put("title", "as the history shows it");
            entries.add(entry);
            return this;
        }

        void reset() {
            entries.clear();
            requests.clear();
            tokens.clear();
            down = false;
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        List<String> tokens() {
            return List.copyOf(tokens);
        }

        private void answer(HttpExchange exchange) throws IOException {
            String query = URI.create(exchange.getRequestURI().toString()).getRawQuery();
            requests.add(query);
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (down) {
                respond(exchange, 503, "{\"status\":503}");
                return;
            }
            Map<String, Long> params = new HashMap<>();
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=");
                params.put(parts[0], Long.parseLong(parts[1]));
            }
            long after = params.get("after");
            long limit = params.get("limit");
            long deadline = System.nanoTime() + params.get("wait") * 1_000_000_000L;
            ObjectNode page = JSON.createObjectNode();
            ArrayNode answered = page.putArray("entries");
            long last = after;
            do {
                for (ObjectNode entry : entries) {
                    if (entry.path("position").asLong() > after && answered.size() < limit) {
                        answered.add(entry);
                        last = entry.path("position").asLong();
                    }
                }
                if (answered.isEmpty()) {
                    sleep();
                }
            } while (answered.isEmpty() && System.nanoTime() < deadline);
            page.put("last", last);
            respond(exchange, 200, page.toString());
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void respond(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
