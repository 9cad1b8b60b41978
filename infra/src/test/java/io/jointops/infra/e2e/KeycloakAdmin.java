package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test Keycloak's admin REST API, as the master realm's administrator: for tests that need a client or a user of
 * their own, so that what they do to it (one-second tokens, a locked account) touches no demo user or client that
 * other tests rely on.
 */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** Creates a resource of the jointops realm ({@code clients}, {@code users}) and answers its id. */
    static String create(String collection, String json) {
        HttpResponse<String> created = RunningPlatform.send(request(collection)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(created.statusCode()).as("Keycloak admin: new " + collection + ": " + created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A resource of the jointops realm, e.g. {@code attack-detection/brute-force/users/<id>}. */
    static JsonNode get(String path) {
        HttpResponse<String> response = RunningPlatform.send(request(path).GET().build());
        assertThat(response.statusCode()).as("Keycloak admin: " + path + ": " + response.body()).isEqualTo(200);
        return RunningPlatform.json(response);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(RunningPlatform.keycloakUrl() + "/admin/realms/jointops/" + path))
                .header("Authorization", "Bearer " + token());
    }

    private static String token() {
        HttpResponse<String> admin = RunningPlatform.postForm(RunningPlatform.keycloakUrl()
                        + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(admin.statusCode()).as("Keycloak admin token: " + admin.body()).isEqualTo(200);
        return RunningPlatform.json(admin).path("access_token").asText();
    }
}
