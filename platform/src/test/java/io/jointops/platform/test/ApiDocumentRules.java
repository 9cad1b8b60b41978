package io.jointops.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What every service's OpenAPI document must say to a user in Swagger UI (issue 20): a title, a version and a
 * description; the gateway as its only server; the Keycloak security scheme, required by every operation; on every
 * operation a summary and its problem responses (400, 401, 403; 404 where an item is named in the path); and on every
 * operation with a request body an example of it (the request record's {@code @Schema(example = ...)}), which
 * {@link #refusedExamples} sends to the service to show it is a valid request.
 * Used on the platform's own probe document and, end to end, on the four services' documents as the gateway serves them.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiDocumentRules() {
    }

    /** The faults of the document the service behind {@code mvc} serves, whose gateway is the platform's default. */
    public static List<String> faultsOfServed(MockMvc mvc) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString();
        return faults(new ObjectMapper().readTree(body), "http://localhost:8080");
    }

    /** Every rule {@code document} breaks, as sentences naming the operation; empty if it keeps them all. */
    public static List<String> faults(JsonNode document, String gatewayUrl) {
        List<String> faults = new ArrayList<>();
        JsonNode info = document.path("info");
        for (String member : List.of("title", "version", "description")) {
            if (info.path(member).asText().isBlank()) faults.add("info has no " + member);
        }
        JsonNode servers = document.path("servers");
        if (servers.size() != 1 || !gatewayUrl.equals(servers.path(0).path("url").asText())) {
            faults.add("servers are " + servers + ", not the gateway " + gatewayUrl + " alone");
        }
        JsonNode scheme = document.path("components").path("securitySchemes").path("keycloak");
        if (!"oauth2".equals(scheme.path("type").asText())
                || scheme.path("flows").path("authorizationCode").path("authorizationUrl").asText().isBlank()) {
            faults.add("no Keycloak OAuth2 security scheme with the authorization code flow");
        }
        boolean requiredEverywhere = document.path("security").findValues("keycloak").size() == 1;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (!METHODS.contains(entry.getKey())) continue;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (operation.path("summary").asText().isBlank()) faults.add(name + " has no summary");
                List<String> problems = new ArrayList<>(List.of("400", "401", "403"));
                if (path.getKey().contains("{")) problems.add("404");
                for (String status : problems) {
                    if (operation.path("responses").path(status).path("content").path("application/problem+json").isMissingNode()) {
                        faults.add(name + " documents no " + status + " problem");
                    }
                }
                if (!requiredEverywhere && operation.path("security").findValues("keycloak").isEmpty()) {
                    faults.add(name + " requires no token in the document");
                }
                JsonNode body = operation.path("requestBody");
                if (!body.isMissingNode() && example(document, body).isEmpty()) {
                    faults.add(name + " has a request body but no example");
                }
            }
        }
        return faults;
    }

    /**
     * An operation's example request: its method, path (with its path variables), the path as sent (each variable a
     * fresh id, or 1 for a number) and body.
     */
    public record Example(String method, String path, String uri, String contentType, JsonNode body) {
    }

    /** The example of every operation with a request body that has one. */
    public static List<Example> examples(JsonNode document) {
        List<Example> examples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode body = operation.getValue().path("requestBody");
                if (METHODS.contains(operation.getKey()) && !body.isMissingNode()) {
                    String uri = path.getKey();
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        if ("path".equals(parameter.path("in").asText())) {
                            String type = parameter.path("schema").path("type").asText();
                            uri = uri.replace("{" + parameter.path("name").asText() + "}",
                                    type.equals("integer") || type.equals("number") ? "1" : UUID.randomUUID().toString());
                        }
                    }
                    String sent = uri;
                    example(document, body).ifPresent(example -> examples.add(new Example(
                            operation.getKey().toUpperCase(), path.getKey(), sent,
                            body.path("content").fieldNames().next(), example)));
                }
            }
        }
        return examples;
    }

    /**
     * Sends every operation's example request to the service behind {@code mvc} as {@code caller}, each path variable
     * a fresh id (1 for a number), and answers those refused as bad input (400), as sentences naming the operation and
     * the problem. An example is a valid request if it passes the request's checks (its body's constraints, its JSON):
     * roles are checked on the controller's method after them, so a caller of no role sees each example checked and
     * then refused as forbidden, storing nothing. Fails if the document has no examples: nothing would be tried.
     */
    public static List<String> refusedExamples(MockMvc mvc, RequestPostProcessor caller) throws Exception {
        String served = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString();
        List<Example> examples = examples(new ObjectMapper().readTree(served));
        if (examples.isEmpty()) {
            throw new IllegalStateException("the document has no example requests: nothing was tried");
        }
        List<String> refused = new ArrayList<>();
        for (Example example : examples) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(
                            HttpMethod.valueOf(example.method()), example.uri())
                    .with(caller).contentType(example.contentType()).content(example.body().toString()))
                    .andReturn().getResponse();
            if (response.getStatus() == 400) {
                refused.add(example.method() + " " + example.path() + ": " + response.getContentAsString());
            }
        }
        return refused;
    }

    /** The example of a request body: its media type's own, or its schema's (the request record's). */
    static Optional<JsonNode> example(JsonNode document, JsonNode requestBody) {
        for (JsonNode media : requestBody.path("content")) {
            if (media.has("example")) {
                return Optional.of(media.path("example"));
            }
            if (media.path("examples").size() > 0) {
                return Optional.of(media.path("examples").elements().next().path("value"));
            }
            JsonNode schema = media.path("schema");
            String ref = schema.path("$ref").asText();
            if (ref.startsWith("#/")) {
                schema = document.at(ref.substring(1));
            }
            if (schema.has("example")) {
                return Optional.of(schema.path("example"));
            }
        }
        return Optional.empty();
    }
}
