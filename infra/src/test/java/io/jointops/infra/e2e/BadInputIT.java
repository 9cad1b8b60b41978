package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests, generated from the services' own OpenAPI documents (so new endpoints are covered as they
 * appear), sent through the gateway with the token of a role that may call the endpoint: wrong types, missing
 * required fields, invalid enum values, broken JSON, oversized bodies, invalid ids in paths and query parameters,
 * injection strings. What must hold for every endpoint: no 5xx, every 4xx is {@code application/problem+json}, and a
 * rejected request leaves no event in the store (the gateway gives each request a correlation id of its own, which
 * every event it causes is stamped with and the answer names).
 */
@ExtendWith(RunningPlatform.class)
class BadInputIT {

    /** A request this test made and what came back. */
    record Outcome(Endpoints.Operation operation, String kind, String method, String path, String body, String correlationId,
                   int status, String contentType, String responseBody) {}

    static RunningPlatform.Gateway gateway;
    static List<Endpoints.Operation> operations;
    static final String RUN = "bi-" + UUID.randomUUID().toString().substring(0, 8);
    static final AtomicInteger sequence = new AtomicInteger();
    /** The correlation ids the gateway minted for this run's requests (429s included: they reach no service). */
    static final Set<String> runCorrelationIds = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        operations = Endpoints.discover(gateway);
    }

    @Test
    void malformedRequestsAreRefusedAsProblemsAndStoreNothing() throws Exception {
        List<Request> requests = new ArrayList<>();
        Map<String, Map<String, String>> knownIds = ItemsForPaths.create(gateway);
        for (Endpoints.Operation operation : operations) {
            List<Request> all = malformed(operation, knownIds.getOrDefault(operation.route(), Map.of()));
            requests.addAll(pick(all, operation.hasBody() ? 6 : 4));
        }
        assertThat(requests).as("generated malformed requests").hasSizeGreaterThanOrEqualTo(500);

        long eventsBefore = countEvents();
        long positionBefore = headPosition();
        List<Outcome> outcomes = sendAll(requests);
        Thread.sleep(2000); // what accepted requests set off in other services (sagas, translators) lands
        long eventsAfter = countEvents();

        report(outcomes);
        List<String> serverErrors = outcomes.stream().filter(o -> o.status() >= 500)
                .map(BadInputIT::describe).toList();
        List<String> notProblems = outcomes.stream()
                .filter(o -> o.status() >= 400 && o.status() < 500)
                .filter(o -> o.contentType() == null || !o.contentType().startsWith("application/problem+json"))
                .map(BadInputIT::describe).toList();
        Set<String> rejected = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        for (Outcome o : outcomes) (o.status() >= 400 ? rejected : accepted).add(o.correlationId());
        Map<String, Long> eventsByCorrelation = eventsByCorrelation(positionBefore);
        List<String> storedAfterRejection = eventsByCorrelation.keySet().stream().filter(rejected::contains).toList();
        long eventsOfAccepted = eventsByCorrelation.entrySet().stream().filter(e -> accepted.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        // events of the run's time that carry none of its correlation ids: other work of the platform (deadlines,
        // processes of earlier tests), or something the run set off that lost its correlation id on the way
        List<String> unattributed = eventsWithoutRunCorrelation(positionBefore);
        System.out.println("[bad-input] event store: " + eventsBefore + " rows before, " + eventsAfter + " after; "
                + eventsOfAccepted + " of them by accepted requests, " + unattributed.size() + " without a correlation id"
                + " of this run: " + unattributed);

        // text with a NUL character cannot be stored in a PostgreSQL text column: accepted, its event is stored but
        // the views that copy the text fail on it, so it must be refused up front like any other bad input
        List<String> nulAccepted = outcomes.stream().filter(o -> o.kind().startsWith("NUL in") && o.status() < 400)
                .map(BadInputIT::describe).toList();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(serverErrors).as("responses with a 5xx status").isEmpty();
        softly.assertThat(notProblems).as("4xx responses that are not application/problem+json").isEmpty();
        softly.assertThat(storedAfterRejection).as("correlation ids of rejected requests that left events").isEmpty();
        softly.assertThat(eventsAfter - eventsBefore).as("rows appended during the run: by accepted requests or unattributed")
                .isEqualTo(eventsOfAccepted + unattributed.size());
        softly.assertThat(nulAccepted).as("requests with a NUL character in text that were accepted").isEmpty();
        softly.assertAll();
    }

    // ---------------------------------------------------------------- generation

    record Request(Endpoints.Operation operation, String kind, String method, String path, String contentType, String body) {}

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --",
            "'; DROP TABLE eventstore.domain_event_entry; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/x}",
            "../../../../etc/passwd",
            "nul\u0000byte",
            "{{7*7}}");

    static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "-1", "1e309", "x".repeat(600),
            enc("' OR '1'='1"), enc("<script>alert(1)</script>"), enc("${jndi:ldap://127.0.0.1:1/x}"),
            "00000000-0000-0000-0000-00000000000g", enc("\u00e9\u00e8\u00ea"));

    static List<Request> malformed(Endpoints.Operation op, Map<String, String> knownIds) {
        List<Request> out = new ArrayList<>();
        Map<String, String> goodPath = new LinkedHashMap<>();
        for (Endpoints.Parameter p : op.pathParameters()) goodPath.put(p.name(), plausiblePathValue(p, knownIds));

        // invalid values of each path parameter (for every method: a malformed id must never reach a handler badly)
        for (Endpoints.Parameter p : op.pathParameters()) {
            for (String bad : BAD_IDS.subList(0, op.hasBody() ? 4 : BAD_IDS.size())) {
                Map<String, String> values = new LinkedHashMap<>(goodPath);
                values.put(p.name(), bad);
                out.add(new Request(op, "bad path " + p.name(), op.method(), op.path(values, query(op, Map.of())),
                        op.hasBody() ? "application/json" : null, op.hasBody() ? skeleton(op).toString() : null));
            }
        }
        String path = op.path(goodPath, null);
        // query parameters of the wrong type or format, and injection strings in free text
        for (Endpoints.Parameter q : op.queryParameters()) {
            for (String bad : badQueryValues(q)) {
                Map<String, String> override = Map.of(q.name(), bad);
                out.add(new Request(op, "bad query " + q.name(), op.method(), op.path(goodPath, query(op, override)),
                        op.hasBody() ? "application/json" : null, op.hasBody() ? skeleton(op).toString() : null));
            }
        }
        if (!op.hasBody()) return out;

        String json = "application/json";
        out.add(new Request(op, "broken JSON", op.method(), path, json, "{\"title\": \"unterminated"));
        out.add(new Request(op, "broken JSON", op.method(), path, json, "{,}"));
        out.add(new Request(op, "not an object", op.method(), path, json, "[1,2,3]"));
        out.add(new Request(op, "not an object", op.method(), path, json, "\"just a string\""));
        out.add(new Request(op, "empty body", op.method(), path, json, ""));
        out.add(new Request(op, "wrong content type", op.method(), path, "text/plain", skeleton(op).toString()));
        JsonNode schema = op.bodySchema();
        if (schema != null && schema.path("required").size() > 0) {
            out.add(new Request(op, "missing required fields", op.method(), path, json, "{}"));
            for (JsonNode required : schema.path("required")) {
                ObjectNode body = skeleton(op);
                body.remove(required.asText());
                out.add(new Request(op, "missing " + required.asText(), op.method(), path, json, body.toString()));
            }
        }
        // a body far beyond any field's limit: refused (400 or 413), never stored, never a 500
        ObjectNode oversized = skeleton(op);
        String big = "A".repeat(3_000_000);
        List<String> strings = Endpoints.propertiesOfType(schema, "string");
        if (strings.isEmpty()) oversized.put("padding", big);
        else oversized.put(strings.get(0), big);
        out.add(new Request(op, "oversized body", op.method(), path, json, oversized.toString()));
        if (schema == null) return out;

        int perOperation = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext() && perOperation < 12; perOperation++) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode propertySchema = Endpoints.resolve(property.getValue());
            ObjectNode wrongType = skeleton(op);
            wrongType.set(property.getKey(), wrongTypeFor(propertySchema));
            out.add(new Request(op, "wrong type " + property.getKey(), op.method(), path, json, wrongType.toString()));
            if (propertySchema.has("enum")) {
                ObjectNode badEnum = skeleton(op);
                badEnum.put(property.getKey(), "NOT_A_VALUE");
                out.add(new Request(op, "invalid enum " + property.getKey(), op.method(), path, json, badEnum.toString()));
            }
            if ("uuid".equals(propertySchema.path("format").asText())) {
                ObjectNode badId = skeleton(op);
                badId.put(property.getKey(), "not-a-uuid");
                out.add(new Request(op, "invalid uuid " + property.getKey(), op.method(), path, json, badId.toString()));
            }
            if (Set.of("date", "date-time").contains(propertySchema.path("format").asText())) {
                ObjectNode badDate = skeleton(op);
                badDate.put(property.getKey(), "31/02/yesterday");
                out.add(new Request(op, "invalid date " + property.getKey(), op.method(), path, json, badDate.toString()));
            }
        }
        // injection strings in fields that must be identifiers, codes or enum values: never accepted, never a 500
        int injected = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext() && injected < 3; ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode propertySchema = Endpoints.resolve(property.getValue());
            if (!"string".equals(propertySchema.path("type").asText())) continue;
            boolean constrained = propertySchema.has("enum") || propertySchema.has("format") || propertySchema.has("pattern");
            if (!constrained) continue;
            for (String injection : INJECTIONS.subList(0, 3)) {
                ObjectNode body = skeleton(op);
                body.put(property.getKey(), injection);
                out.add(new Request(op, "injection in " + property.getKey(), op.method(), path, json, body.toString()));
            }
            injected++;
        }
        // a NUL character anywhere in text: PostgreSQL refuses it in text columns, so it must be caught earlier
        for (String field : strings.subList(0, Math.min(2, strings.size()))) {
            ObjectNode body = skeleton(op);
            body.put(field, "nul\u0000byte");
            out.add(new Request(op, "NUL in " + field, op.method(), path, json, body.toString()));
        }
        return out;
    }

    /** Kinds of defect, most telling first: each operation gets one of each kind, in this order, up to its share. */
    static final List<String> KINDS = List.of("broken JSON", "missing", "wrong type", "NUL in", "invalid enum",
            "oversized body", "bad path", "bad query", "injection in", "invalid uuid", "invalid date", "not an",
            "empty body", "wrong content");

    /** Up to {@code share} requests, spread over the kinds of defect so that every kind is sent somewhere. */
    static List<Request> pick(List<Request> all, int share) {
        Map<String, List<Request>> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) byKind.put(kind, new ArrayList<>());
        for (Request r : all) {
            String kind = KINDS.stream().filter(r.kind()::startsWith).findFirst().orElse("other");
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
        }
        List<Request> picked = new ArrayList<>();
        for (int round = 0; picked.size() < share && picked.size() < all.size(); round++) {
            for (List<Request> ofKind : byKind.values()) {
                if (round < ofKind.size() && picked.size() < share) picked.add(ofKind.get(round));
            }
        }
        return picked;
    }

    static String plausiblePathValue(Endpoints.Parameter p, Map<String, String> knownIds) {
        if (knownIds.containsKey(p.name())) return knownIds.get(p.name());
        return switch (p.schema().path("type").asText()) {
            case "integer", "number" -> "1";
            default -> p.name().toLowerCase().endsWith("id") || "uuid".equals(p.schema().path("format").asText())
                    ? UUID.randomUUID().toString() : "x";
        };
    }

    /** Long values stay under the gateway's 4 KB request line: beyond it Netty answers a bare 414 (reported, not tested here). */
    static List<String> badQueryValues(Endpoints.Parameter q) {
        JsonNode s = q.schema();
        String type = s.path("type").asText();
        String format = s.path("format").asText();
        if (type.equals("integer") || type.equals("number")) return List.of("abc", "-1", "99999999999999999999999", "1.5e400");
        if (s.has("enum")) return List.of("NOT_A_VALUE", enc("' OR '1'='1"));
        if (format.equals("date-time") || format.equals("date")) return List.of("yesterday", "2026-13-45T99:99:99Z", enc("' OR '1'='1"));
        if (format.equals("uuid") || q.name().toLowerCase().endsWith("id")) return List.of("not-a-uuid", enc("' OR '1'='1"));
        if (type.equals("boolean")) return List.of("maybe");
        if (type.equals("array")) return List.of(enc("' OR '1'='1"), "x".repeat(3000));
        return List.of(enc("' OR '1'='1' --"), enc("<script>alert(1)</script>"), "x".repeat(3000));
    }

    /** Required query parameters with plausible values, with the given ones replaced. */
    static String query(Endpoints.Operation op, Map<String, String> override) {
        List<String> parts = new ArrayList<>();
        for (Endpoints.Parameter q : op.queryParameters()) {
            if (override.containsKey(q.name())) parts.add(q.name() + "=" + override.get(q.name()));
            else if (q.required()) parts.add(q.name() + "=" + enc(sample(q.schema()).asText()));
        }
        return parts.isEmpty() ? null : String.join("&", parts);
    }

    /** A body with every property at a plausible value, to be broken in one place. */
    static ObjectNode skeleton(Endpoints.Operation op) {
        JsonNode sample = op.bodySchema() == null ? null : sample(op.bodySchema());
        return sample instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    static JsonNode sample(JsonNode schemaOrRef) {
        return sample(schemaOrRef, 0);
    }

    private static JsonNode sample(JsonNode schemaOrRef, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode s = Endpoints.resolve(schemaOrRef);
        if (s.has("enum")) return s.path("enum").get(0);
        if (s.has("example")) return s.path("example");
        switch (s.path("type").asText()) {
            case "object" -> {
                ObjectNode o = f.objectNode();
                if (depth > 4) return o;
                s.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(), sample(e.getValue(), depth + 1)));
                return o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                return a;
            }
            case "integer" -> { return f.numberNode(1); }
            case "number" -> { return f.numberNode(1.5); }
            case "boolean" -> { return f.booleanNode(true); }
            default -> {
                return switch (s.path("format").asText()) {
                    case "uuid" -> f.textNode(UUID.randomUUID().toString());
                    case "date" -> f.textNode(LocalDate.now().plusDays(10).toString());
                    case "date-time" -> f.textNode(Instant.now().toString());
                    default -> f.textNode("bad-input test");
                };
            }
        }
    }

    static JsonNode wrongTypeFor(JsonNode s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (s.path("type").asText()) {
            case "integer", "number" -> f.textNode("twelve");
            case "boolean" -> f.textNode("perhaps");
            case "array" -> f.objectNode().put("not", "a list");
            case "object" -> f.arrayNode().add(7);
            default -> f.objectNode().put("not", "a string");
        };
    }

    // ---------------------------------------------------------------- sending and reporting

    static List<Outcome> sendAll(List<Request> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Request request : requests) futures.add(pool.submit(() -> send(request)));
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) outcomes.add(future.get());
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static Outcome send(Request request) throws InterruptedException {
        // the client's own label (kept as clientCorrelationId); the request's correlation id is the gateway's
        String clientCorrelationId = RUN + "-" + sequence.incrementAndGet();
        String token = Endpoints.callerToken(request.operation());
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.uri(request.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("X-Correlation-Id", clientCorrelationId);
            if (request.body() != null) {
                builder.header("Content-Type", request.contentType())
                        .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
            } else {
                builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = RunningPlatform.send(builder.build());
            String correlationId = response.headers().firstValue("X-Correlation-Id").orElse(null);
            if (correlationId != null) runCorrelationIds.add(correlationId);
            // the gateway's rate limit is per caller: wait for the bucket rather than count its refusals
            if (response.statusCode() == 429 && attempt < 20) {
                Thread.sleep(500);
                continue;
            }
            return new Outcome(request.operation(), request.kind(), request.method(), request.path(),
                    request.body(), correlationId, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
    }

    static void report(List<Outcome> outcomes) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byEndpoint = new TreeMap<>();
        Map<String, Integer> acceptedByKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            byStatus.merge(o.status(), 1, Integer::sum);
            byEndpoint.computeIfAbsent(o.operation().method() + " " + o.operation().template(), k -> new TreeMap<>())
                    .merge(o.status(), 1, Integer::sum);
            if (o.status() < 400) acceptedByKind.merge(o.method() + " " + o.operation().template() + " [" + o.kind() + "]", 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        text.append("[bad-input] ").append(outcomes.size()).append(" malformed requests over ").append(byEndpoint.size())
                .append(" endpoints; by status: ").append(byStatus).append(System.lineSeparator());
        byEndpoint.forEach((endpoint, statuses) -> text.append("[bad-input]   ").append(endpoint).append("  ")
                .append(statuses).append(System.lineSeparator()));
        if (!acceptedByKind.isEmpty()) {
            text.append("[bad-input] accepted although malformed (no 5xx, but worth a look):").append(System.lineSeparator());
            acceptedByKind.forEach((k, n) -> text.append("[bad-input]   ").append(k).append(" x").append(n).append(System.lineSeparator()));
        }
        outcomes.stream().filter(o -> o.status() >= 500).forEach(o -> text.append("[bad-input] 5xx: ").append(describe(o))
                .append(System.lineSeparator()));
        System.out.print(text);
    }

    static String describe(Outcome o) {
        String body = o.body() == null ? "" : o.body().length() > 300 ? o.body().substring(0, 300) + "...(" + o.body().length() + " chars)" : o.body();
        String response = o.responseBody() == null ? "" : o.responseBody().length() > 400 ? o.responseBody().substring(0, 400) + "..." : o.responseBody();
        return o.method() + " " + (o.path().length() > 200 ? o.path().substring(0, 200) + "..." : o.path()) + " [" + o.kind() + "] body="
                + body + " -> " + o.status() + " " + o.contentType() + " " + response + " (correlation id " + o.correlationId() + ")";
    }

    // ---------------------------------------------------------------- event store

    static Connection database() throws SQLException {
        return DriverManager.getConnection(RunningPlatform.platform().jdbcUrl(),
                RunningPlatform.platform().options().dbUser(), RunningPlatform.platform().options().dbPassword());
    }

    static long countEvents() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM eventstore.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long headPosition() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM eventstore.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> eventsWithoutRunCorrelation(long after) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT type, payload_type, eventstore.event_meta(meta_data, 'correlationId') FROM eventstore.domain_event_entry"
                        + " WHERE global_index > ?")) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (runCorrelationIds.contains(rs.getString(3))) continue;
                    String type = rs.getString(2);
                    events.add(type.substring(type.lastIndexOf('.') + 1) + " (correlation id " + rs.getString(3) + ")");
                }
            }
        }
        return events;
    }

    /** Events appended after {@code after}, counted by correlation id, for the ids of this run. */
    static Map<String, Long> eventsByCorrelation(long after) throws SQLException {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT eventstore.event_meta(meta_data, 'correlationId') AS id, count(*) FROM eventstore.domain_event_entry"
                        + " WHERE global_index > ? GROUP BY 1")) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (runCorrelationIds.contains(rs.getString(1))) counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- the API as the services describe it

    /** The operations of every service, read from the OpenAPI documents the gateway serves. */
    static final class Endpoints {

        static final List<String> ROUTES = List.of("cases", "intel", "finance", "chemicals");
        private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();
        private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

        record Parameter(String name, String in, boolean required, JsonNode schema) {}

        record Operation(String route, String method, String template, List<Parameter> parameters, JsonNode bodySchema,
                         boolean hasBody) {
            List<Parameter> pathParameters() { return parameters.stream().filter(p -> p.in().equals("path")).toList(); }

            List<Parameter> queryParameters() { return parameters.stream().filter(p -> p.in().equals("query")).toList(); }

            String path(Map<String, String> values, String query) {
                String path = template;
                for (Map.Entry<String, String> e : values.entrySet()) path = path.replace("{" + e.getKey() + "}", e.getValue());
                return query == null ? path : path + "?" + query;
            }

            /** The platform-wide paths a role other than the service's users calls. */
            String caller() {
                if (template.startsWith("/api/audit")) return "auditor";
                if (template.contains("/admin/")) return "admin";
                return switch (route) {
                    case "finance" -> "cn.finance.supervisor";
                    case "chemicals" -> "cn.chemical.supervisor";
                    default -> "cn.supervisor";
                };
            }
        }

        static List<Operation> discover(RunningPlatform.Gateway gateway) {
            return discover(gateway, false);
        }

        /** {@code all}: DELETEs and GETs without parameters too (nothing to malform in them, but to authorize). */
        static List<Operation> discover(RunningPlatform.Gateway gateway, boolean all) {
            List<Operation> operations = new ArrayList<>();
            for (String route : ROUTES) {
                HttpResponse<String> docs = gateway.get("/v3/api-docs/" + route, null);
                assertThat(docs.statusCode()).as("OpenAPI document of " + route).isEqualTo(200);
                JsonNode api = RunningPlatform.json(docs);
                api.path("components").path("schemas").fields().forEachRemaining(e -> SCHEMAS.put(e.getKey(), e.getValue()));
                api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    // the documents also list the internal command bus, which the gateway never routes
                    if (!path.getKey().startsWith("/api/")) return;
                    String method = op.getKey().toUpperCase();
                    if (!Set.of("GET", "POST", "PUT", "PATCH").contains(method) && !(all && method.equals("DELETE"))) return;
                    List<Parameter> parameters = new ArrayList<>();
                    for (JsonNode p : op.getValue().path("parameters")) {
                        JsonNode param = resolve(p);
                        if (!Set.of("path", "query").contains(param.path("in").asText())) continue;
                        // an argument resolved from the token (the caller) shows up as an object "query parameter"
                        if ("object".equals(resolve(param.path("schema")).path("type").asText())) continue;
                        parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                                param.path("required").asBoolean(), resolve(param.path("schema"))));
                    }
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    boolean hasBody = content.has("application/json");
                    JsonNode body = hasBody ? resolve(content.path("application/json").path("schema")) : null;
                    if (!all && method.equals("GET") && parameters.isEmpty()) return; // nothing to malform
                    operations.add(new Operation(route, method, path.getKey(), parameters, body, hasBody));
                }));
            }
            assertThat(operations).as("operations in the OpenAPI documents").isNotEmpty();
            return operations;
        }

        static JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int i = 0; i < 10 && current.has("$ref"); i++) {
                String ref = current.path("$ref").asText();
                current = SCHEMAS.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), JsonNodeFactory.instance.objectNode());
            }
            if (current.has("allOf") && current.path("allOf").size() == 1) return resolve(current.path("allOf").get(0));
            return current;
        }

        static List<String> propertiesOfType(JsonNode schema, String type) {
            List<String> names = new ArrayList<>();
            if (schema == null) return names;
            schema.path("properties").fields().forEachRemaining(e -> {
                JsonNode s = resolve(e.getValue());
                if (type.equals(s.path("type").asText()) && !s.has("enum") && !s.has("format")) names.add(e.getKey());
            });
            return Collections.unmodifiableList(names);
        }

        static String callerToken(Operation operation) {
            return TOKENS.computeIfAbsent(operation.caller(), RunningPlatform::token);
        }
    }

    /** One item per service, created through the gateway, so that paths name an item that exists. */
    static final class ItemsForPaths {
        static Map<String, Map<String, String>> create(RunningPlatform.Gateway gateway) {
            Map<String, Map<String, String>> ids = new LinkedHashMap<>();
            String cn = RunningPlatform.token("cn.supervisor");
            String caseId = created(gateway.post("/api/cases", cn,
                    Map.of("title", "Bad input target", "tlp", "TLP:AMBER", "handlingCode", "H1")));
            if (caseId != null) ids.put("cases", Map.of("caseId", caseId));
            String reportId = created(gateway.post("/api/intel/reports", cn, Map.of(
                    "title", "Bad input target", "summary", "Waypoints", "category", "TRAFFICKING_ROUTE",
                    "sourceReliability", "B", "informationCredibility", 2, "releasedTo", List.of(),
                    "tlp", "TLP:AMBER", "handlingCode", "H2")));
            if (reportId != null) ids.put("intel", Map.of("reportId", reportId));
            return ids;
        }

        private static String created(HttpResponse<String> response) {
            if (response.statusCode() != 201) return null;
            String location = response.headers().firstValue("Location").orElse("");
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
