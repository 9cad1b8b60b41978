package io.jointops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A webhook's deliveries through a real gateway with real signed tokens, stubs standing in for the four services'
 * lists: one list, newest first, cut at the limit; a webhook no service knows for the caller's agency is a 404; a
 * service that cannot answer fails the list (503) rather than hiding its deliveries; bad parameters are 400 problems
 * naming them before any service is asked; only the partner system's role reaches it; the rest of /api/webhooks is
 * routed to intel-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
class WebhookDeliveriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestTokens tokens = new TestTokens();
    private static final StubServices keycloak = startKeycloak();
    private static final Map<String, ListStub> services = new HashMap<>();

    static {
        for (String context : FeedCursor.CONTEXTS) {
            services.put(context, new ListStub(context));
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
        services.values().forEach(ListStub::close);
    }

    @BeforeEach
    void fresh() {
        services.values().forEach(ListStub::reset);
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build(); // a loaded machine, not a slow gateway
    }

    private static String partner(String agency) {
        return tokens.signed(tokens.keycloakClaims("feed-reader").claim("agency", agency)
                .claim("azp", "jointops-partner-" + agency.toLowerCase()));
    }

    private JsonNode list(String token, String query, int status) {
        byte[] body = client.get().uri("/api/webhooks/w-1/deliveries" + query).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFourServicesListsAreOneNewestFirstCutAtTheLimit() {
        services.get("cases").add("d-case-1", 10).add("d-case-2", 40);
        services.get("intel").add("d-intel-1", 30);
        services.get("finance").status = 404; // not learnt of the webhook yet: no deliveries there
        services.get("chemicals").add("d-chem-1", 20);
        String token = partner("US-DEA");

        JsonNode all = list(token, "", 200);
        assertThat(ids(all)).containsExactly("d-case-2", "d-intel-1", "d-chem-1", "d-case-1");
        JsonNode two = list(token, "?limit=2&status=delivered", 200);
        assertThat(ids(two)).containsExactly("d-case-2", "d-intel-1");
        // each service was asked for the webhook, with the limit and status, and the caller's own token
        for (ListStub stub : services.values()) {
            assertThat(stub.requests).contains("/internal/webhooks/w-1/deliveries?limit=2&status=DELIVERED");
            assertThat(stub.tokens).containsOnly("Bearer " + token);
        }
    }

    @Test
    void aWebhookNoServiceKnowsForTheCallersAgencyIsNotFound() {
        services.values().forEach(stub -> stub.status = 404);
        JsonNode problem = list(partner("CN-NNCC"), "", 404);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("w-1");
    }

    @Test
    void aServiceThatCannotAnswerFailsTheListInsteadOfHidingItsDeliveries() {
        services.get("cases").add("d-case-1", 10);
        services.get("chemicals").status = 500;
        JsonNode problem = list(partner("US-DEA"), "", 503);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.toString()).doesNotContain("d-case-1");
    }

    @Test
    void badParametersAreProblemsNamingThemAndNoServiceIsAsked() {
        String token = partner("US-DEA");
        assertThat(list(token, "?limit=0", 400).path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(list(token, "?limit=x", 400).path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(list(token, "?status=LOST", 400).path("errors").get(0).path("field").asText()).isEqualTo("status");
        services.values().forEach(stub -> assertThat(stub.requests).isEmpty());
    }

    @Test
    void onlyThePartnerSystemAndTheRestGoesToIntel() {
        client.get().uri("/api/webhooks/w-1/deliveries")
                .headers(h -> h.setBearerAuth(tokens.signed(tokens.keycloakClaims("supervisor").claim("agency", "US-DEA"))))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/webhooks/w-1/deliveries").exchange().expectStatus().isUnauthorized();
        services.values().forEach(stub -> assertThat(stub.requests).isEmpty());

        client.post().uri("/api/webhooks").headers(h -> h.setBearerAuth(partner("US-DEA")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"url\":\"https://partner.example.org/h\",\"events\":[\"*\"]}")
                .exchange().expectStatus().isOk();
        assertThat(services.get("intel").requests).containsExactly("/api/webhooks");
        assertThat(services.get("cases").requests).isEmpty();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("deliveries").forEach(delivery -> ids.add(delivery.path("id").asText()));
        return ids;
    }

    /** A service's list of deliveries (its /internal/webhooks part), or the status it answers instead. */
    static final class ListStub implements AutoCloseable {
        private final String context;
        private final HttpServer server;
        private final List<ObjectNode> deliveries = new CopyOnWriteArrayList<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<String> tokens = new CopyOnWriteArrayList<>();
        volatile int status = 200;

        ListStub(String context) {
            this.context = context;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::answer);
            server.start();
        }

        String baseUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        ListStub add(String id, int second) {
            deliveries.add(JSON.createObjectNode().put("id", id).put("context", context).put("status", "DELIVERED")
                    .put("createdAt", Instant.ofEpochSecond(1_800_000_000L + second).toString()));
            return this;
        }

        void reset() {
            deliveries.clear();
            requests.clear();
            tokens.clear();
            status = 200;
        }

        private void answer(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestURI().toString());
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            ObjectNode body = JSON.createObjectNode();
            int answer = exchange.getRequestURI().getPath().startsWith("/internal/") ? status : 200;
            if (answer == 200) {
                ArrayNode list = body.putArray("deliveries");
                deliveries.stream()
                        .sorted((a, b) -> b.path("createdAt").asText().compareTo(a.path("createdAt").asText()))
                        .forEach(list::add);
            } else {
                body.put("status", answer);
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(answer, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
