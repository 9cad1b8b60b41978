package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of every service (from the OpenAPI documents the gateway serves) called without a token, with an
 * expired token, with tokens signed by a key the realm never issued, with a role that may not use the service, and
 * as an agency to which the item was never released. Every one is refused, and no answer ever carries an item of
 * another agency: one item per service is created as a Chinese agency and US callers read every list and search.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    static final String RUN = "authz-" + UUID.randomUUID().toString().substring(0, 8);
    /** Appears in every created item's text; no response to another agency may contain it. */
    static final String MARKER = "Secret" + RUN.replace("-", "");

    static RunningPlatform.Gateway gateway;
    /** Per route: path parameter name to the id of the item created there. */
    static final Map<String, Map<String, String>> items = new LinkedHashMap<>();
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static String expiringToken;
    static Instant expiringTokenExpiry;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        allOperations();
        // first, so that its wait overlaps with the other tests
        expiringToken = ShortLivedTokens.issue("cn.supervisor");
        expiringTokenExpiry = Instant.ofEpochSecond(RunningPlatform.claims(expiringToken).path("exp").asLong());
        createItems();
    }

    @Test
    @Order(1)
    void withoutATokenEveryEndpointAnswers401() throws Exception {
        List<Call> calls = run(op -> null, "no token");
        assertStatuses(calls, Set.of(401));
    }

    @Test
    @Order(2)
    void aTokenSignedByAKeyTheRealmNeverHadIsRefusedEverywhere() throws Exception {
        JsonNode genuine = RunningPlatform.claims(token("cn.supervisor"));
        String sameIssuer = ForeignTokens.sign(genuine, null);
        String otherIssuer = ForeignTokens.sign(genuine, "http://localhost:1/realms/" + RUN);
        List<Call> calls = new ArrayList<>(run(op -> sameIssuer, "foreign key, realm's issuer"));
        calls.addAll(run(op -> otherIssuer, "foreign key and issuer"));
        assertStatuses(calls, Set.of(401));
    }

    @Test
    @Order(3)
    void aRoleThatMayNotUseTheServiceIsRefusedEverywhere() throws Exception {
        List<Call> calls = run(op -> token(wrongRole(op)), "wrong role");
        assertStatuses(calls, Set.of(403));
    }

    @Test
    @Order(4)
    void anotherAgencyNeverSeesAnItemNotReleasedToIt() throws Exception {
        List<BadInputIT.Endpoints.Operation> agencyScoped = allOperations().stream()
                .filter(op -> otherAgency(op) != null)
                // creating things as the other agency says nothing about the first agency's items
                .filter(op -> op.method().equals("GET") || !op.pathParameters().isEmpty())
                .toList();
        List<Call> calls = run(agencyScoped, op -> token(otherAgency(op)), "other agency");
        List<String> leaks = new ArrayList<>();
        List<String> admitted = new ArrayList<>();
        Set<String> ids = items.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toSet());
        for (Call call : calls) {
            String body = call.body() == null ? "" : call.body();
            boolean namesItem = call.operation().pathParameters().stream().anyMatch(p -> ids.contains(call.pathValues().get(p.name())));
            if (body.contains(MARKER)) leaks.add(call.describe());
            // a list or search that is not about the item by its path must not mention its id either
            if (!namesItem && ids.stream().anyMatch(body::contains)) leaks.add(call.describe());
            if (namesItem && call.status() < 300) admitted.add(call.describe());
            if (call.status() >= 500) admitted.add(call.describe());
        }
        report("other agency", calls);
        assertThat(leaks).as("responses to another agency that carry an item not released to it").isEmpty();
        assertThat(admitted).as("requests on another agency's item that were not refused").isEmpty();
    }

    @Test
    @Order(5)
    void anExpiredTokenIsRefusedEverywhere() throws Exception {
        // resource servers allow 60 s of clock skew
        Instant usable = expiringTokenExpiry.plusSeconds(62);
        long wait = Duration.between(Instant.now(), usable).toMillis();
        if (wait > 0) Thread.sleep(wait);
        List<Call> calls = run(op -> expiringToken, "expired token");
        assertStatuses(calls, Set.of(401));
    }

    // ---------------------------------------------------------------- callers

    /** A user whose roles the gateway does not admit to the operation's service. */
    static String wrongRole(BadInputIT.Endpoints.Operation op) {
        if (op.template().startsWith("/api/audit")) return "cn.investigator";
        // investigators, analysts and supervisors may use finance and chemicals too (readers); the other officers not
        return switch (op.route()) {
            case "finance" -> "cn.chemical";
            default -> "us.finance";
        };
    }

    /** A user of a role that may use the service, of an agency the created item was never released to. */
    static String otherAgency(BadInputIT.Endpoints.Operation op) {
        // auditors and operators see across agencies by design; their endpoints are covered by the other columns
        if (op.template().startsWith("/api/audit") || op.template().contains("/admin/")) return null;
        return switch (op.route()) {
            case "finance" -> "us.finance";
            case "chemicals" -> "us.chemical";
            default -> "us.supervisor";
        };
    }

    static String token(String user) {
        return tokens.computeIfAbsent(user, RunningPlatform::token);
    }

    // ---------------------------------------------------------------- items of one agency

    static void createItems() {
        String cn = token("cn.investigator");
        put("cases", "caseId", gateway.post("/api/cases", cn, Map.of("title", MARKER + " case", "tlp", "TLP:AMBER",
                "handlingCode", "H1", "partnerAgencies", List.of())));
        put("intel", "reportId", gateway.post("/api/intel/reports", cn, Map.of("title", MARKER + " report",
                "summary", MARKER, "category", "TRAFFICKING_ROUTE", "sourceReliability", "B", "informationCredibility", 2,
                "releasedTo", List.of(), "tlp", "TLP:AMBER", "handlingCode", "H2")));
        put("finance", "reportId", gateway.post("/api/finance/reports", token("cn.finance"), Map.of("reportCode", "STR",
                "reportingEntity", MARKER + " Bank", "submissionDate", "2026-10-01", "reason", MARKER + " structuring",
                "releasedTo", List.of(), "tlp", "TLP:AMBER", "handlingCode", "H1")));
        put("chemicals", "notificationId", gateway.post("/api/chemicals/notifications", token("cn.chemical"), """
                {"importingAgency":"NL-FIOD",
                 "exporter":{"name":"%1$s exporter","address":{"street":"8 Binhai Road","city":"Tianjin","country":"CN"}},
                 "importer":{"name":"%1$s importer","address":{"street":"Havenweg 1","city":"Rotterdam","country":"NL"}},
                 "consignee":{"name":"%1$s consignee","address":{"street":"Havenweg 3","city":"Rotterdam","country":"NL"}},
                 "substanceName":"Acetic anhydride","casNumber":"108-24-7","quantity":1250.5,"unit":"L",
                 "expectedDispatchDate":"2026-12-10","pointOfEntry":"Port of Rotterdam","exportLicenceNumber":"CN-EXP-1",
                 "tlp":"TLP:AMBER","handlingCode":"H1"}""".formatted(MARKER)));
        System.out.println("[authz] items created as Chinese agencies: " + items);
    }

    private static void put(String route, String parameter, HttpResponse<String> created) {
        assertThat(created.statusCode()).as(route + " item: " + created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        items.put(route, Map.of(parameter, location.substring(location.lastIndexOf('/') + 1)));
    }

    // ---------------------------------------------------------------- calls

    record Call(BadInputIT.Endpoints.Operation operation, String column, String path, Map<String, String> pathValues,
                int status, String contentType, String body) {
        String describe() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return column + ": " + operation.method() + " " + path + " -> " + status + " " + shown;
        }
    }

    static List<Call> run(Function<BadInputIT.Endpoints.Operation, String> caller, String column) throws Exception {
        return run(allOperations(), caller, column);
    }

    /** Every operation, DELETE included: refused calls delete nothing. */
    static List<BadInputIT.Endpoints.Operation> allOperations() {
        return AllOperations.get(gateway);
    }

    static List<Call> run(List<BadInputIT.Endpoints.Operation> ops, Function<BadInputIT.Endpoints.Operation, String> caller,
                          String column) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Call>> futures = new ArrayList<>();
            for (BadInputIT.Endpoints.Operation op : ops) futures.add(pool.submit(() -> call(op, caller.apply(op), column)));
            List<Call> calls = new ArrayList<>();
            for (Future<Call> f : futures) calls.add(f.get());
            return calls;
        } finally {
            pool.shutdownNow();
        }
    }

    static Call call(BadInputIT.Endpoints.Operation op, String token, String column) throws InterruptedException {
        Map<String, String> own = items.getOrDefault(op.route(), Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        for (BadInputIT.Endpoints.Parameter p : op.pathParameters()) values.put(p.name(), BadInputIT.plausiblePathValue(p, own));
        List<String> query = new ArrayList<>();
        for (BadInputIT.Endpoints.Parameter q : op.queryParameters()) {
            String value = queryValue(q);
            if (value != null) query.add(q.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        String path = op.path(values, query.isEmpty() ? null : String.join("&", query));
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
            if (token != null) request.header("Authorization", "Bearer " + token);
            if (op.hasBody()) {
                ObjectNode body = BadInputIT.skeleton(op);
                request.header("Content-Type", "application/json").method(op.method(), HttpRequest.BodyPublishers.ofString(body.toString()));
            } else {
                request.method(op.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = RunningPlatform.send(request.build());
            if (response.statusCode() == 429 && attempt < 20) {
                Thread.sleep(500);
                continue;
            }
            return new Call(op, column, path, values, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
    }

    /** Query values that would find the item if the caller could see it: its marker for text, its ids for ids. */
    static String queryValue(BadInputIT.Endpoints.Parameter q) {
        JsonNode s = q.schema();
        if (s.has("enum")) return s.path("enum").get(0).asText();
        String type = s.path("type").asText();
        if (type.equals("integer") || type.equals("number")) {
            return q.name().equals("size") ? "200" : q.name().equals("page") ? "0" : q.required() ? "1" : null;
        }
        if (type.equals("boolean")) return q.required() ? "true" : null;
        String format = s.path("format").asText();
        if (format.equals("date-time")) return q.required() ? Instant.now().toString() : null;
        if (format.equals("date")) return q.required() ? "2026-10-01" : null;
        if (format.equals("uuid") || q.name().toLowerCase().endsWith("id")) {
            return items.values().stream().flatMap(m -> m.values().stream()).findFirst().orElse(UUID.randomUUID().toString());
        }
        return MARKER;
    }

    static void assertStatuses(List<Call> calls, Set<Integer> expected) {
        String column = calls.isEmpty() ? "?" : calls.get(0).column();
        report(column, calls);
        Set<String> ids = items.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toSet());
        List<String> wrong = calls.stream().filter(c -> !expected.contains(c.status())).map(Call::describe).toList();
        List<String> notProblems = calls.stream()
                .filter(c -> c.contentType() == null || !c.contentType().startsWith("application/problem+json"))
                .map(Call::describe).toList();
        List<String> leaks = calls.stream().filter(c -> c.body() != null && c.body().contains(MARKER)).map(Call::describe).toList();
        assertThat(calls).as("calls").isNotEmpty();
        assertThat(wrong).as(column + ": answers other than " + expected).isEmpty();
        assertThat(notProblems).as(column + ": refusals that are not application/problem+json").isEmpty();
        assertThat(leaks).as(column + ": refusals that carry an item").isEmpty();
        assertThat(ids).isNotEmpty();
    }

    static void report(String column, List<Call> calls) {
        Map<Integer, Long> byStatus = calls.stream().collect(Collectors.groupingBy(Call::status, TreeMap::new, Collectors.counting()));
        System.out.println("[authz] " + column + ": " + calls.size() + " calls over " + calls.stream()
                .map(c -> c.operation().method() + c.operation().template()).distinct().count() + " endpoints, by status " + byStatus);
    }

    /** The operations of every method, DELETE included (BadInputIT leaves out GETs without parameters and DELETEs). */
    static final class AllOperations {
        private static List<BadInputIT.Endpoints.Operation> cached;

        static synchronized List<BadInputIT.Endpoints.Operation> get(RunningPlatform.Gateway gateway) {
            if (cached == null) cached = BadInputIT.Endpoints.discover(gateway, true);
            return cached;
        }
    }

    // ---------------------------------------------------------------- tokens

    /** A token the realm really issued, with a lifetime of one second: issued by a client made for this test. */
    static final class ShortLivedTokens {
        static String issue(String username) {
            String clientId = "short-lived-" + RUN;
            KeycloakAdmin.create("clients", """
                    {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                     "attributes":{"access.token.lifespan":"1"}}""".formatted(clientId));
            HttpResponse<String> token = RunningPlatform.postForm(RunningPlatform.issuer() + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", clientId, "username", username, "password", "demo"));
            assertThat(token.statusCode()).as("short-lived token: " + token.body()).isEqualTo(200);
            String accessToken = RunningPlatform.json(token).path("access_token").asText();
            JsonNode claims = RunningPlatform.claims(accessToken);
            assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("lifetime of the token").isLessThanOrEqualTo(5);
            assertThat(claims.path("aud").toString()).contains("jointops-api");
            return accessToken;
        }
    }

    /** Tokens with the genuine claims of a realm user, signed by a key made here. */
    static final class ForeignTokens {
        private static final KeyPair KEYS;

        static {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KEYS = generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String sign(JsonNode genuineClaims, String issuer) throws Exception {
            ObjectNode claims = genuineClaims.deepCopy();
            long now = Instant.now().getEpochSecond();
            claims.put("iat", now).put("exp", now + 600);
            if (issuer != null) claims.put("iss", issuer);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(RunningPlatform.JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature.sign());
        }
    }
}
