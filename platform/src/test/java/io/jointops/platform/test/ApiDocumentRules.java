package io.jointops.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document must say to a user in Swagger UI (issue 20): a title, a version and a
 * description; the gateway as its only server; the Keycloak security scheme, required by every operation; and on
 * every operation a summary and its problem responses (400, 401, 403; 404 where an item is named in the path).
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
            }
        }
        return faults;
    }
}
