package io.jointops.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates an overlay's KeycloakRealmImport from the realm kept as code in infra. The operator takes the realm
 * inline (not from a ConfigMap), and the local realm holds development credentials, so the import is generated
 * rather than referenced: every client secret and password becomes a placeholder that the operator fills from a
 * Secret, production drops the demo users and the password-grant client, and the web client's URLs are the
 * overlay's. {@link RealmImportTest} fails when a committed import differs from what this produces.
 */
final class RealmImports {

    static final Path REALM = Manifests.REPO_DIR.resolve("infra/src/main/resources/keycloak/jointops-realm.json");
    /** The Secret holding the confidential clients' secrets, one key per clientId. */
    static final String CLIENT_SECRETS = "jointops-keycloak-clients";
    /** dev only: the Secret holding the demo users' password (key "password"). */
    static final String DEMO_PASSWORD_SECRET = "jointops-demo-users";
    static final String DEMO_PASSWORD = "JOINTOPS_DEMO_PASSWORD";
    private static final String DEV_ONLY_CLIENT = "jointops-cli";

    /** @param demoUsers whether the demo users and the password-grant client of development stay in the realm */
    record Environment(String overlay, String publicUrl, boolean demoUsers) {
        Path file() {
            return Manifests.K8S_DIR.resolve("overlays/" + overlay + "/keycloak-realm-import.yaml");
        }
    }

    static final List<Environment> ENVIRONMENTS = List.of(
            new Environment("dev", "https://dev.jointops.example.org", true),
            new Environment("prod", "https://jointops.example.org", false));

    private RealmImports() {
    }

    /** Ordered maps only: Map.of iterates in a different order on every run, and the output must be stable. */
    private static Map<String, Object> ordered(String key, Object value, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> secretReference(String secret, String key) {
        return ordered("secret", ordered("name", secret, "key", key));
    }

    @SuppressWarnings("unchecked")
    static String generate(Environment environment) throws IOException {
        Map<String, Object> realm = new ObjectMapper().readValue(REALM.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Map<String, Object> placeholders = new LinkedHashMap<>();

        List<Map<String, Object>> clients = new ArrayList<>();
        for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
            String clientId = (String) client.get("clientId");
            if (!environment.demoUsers() && DEV_ONLY_CLIENT.equals(clientId)) {
                continue;
            }
            if (client.containsKey("secret")) {
                String variable = "JOINTOPS_CLIENT_SECRET_" + clientId.toUpperCase().replace('-', '_');
                client.put("secret", "${" + variable + "}");
                placeholders.put(variable, secretReference(CLIENT_SECRETS, clientId));
            }
            if (client.containsKey("redirectUris")) {
                client.put("redirectUris", List.of(environment.publicUrl() + "/*"));
                // the console's origin, from the redirect URI: the local realm names the launcher's gateway besides
                client.put("webOrigins", List.of("+"));
            }
            clients.add(client);
        }
        realm.put("clients", clients);

        List<Map<String, Object>> users = new ArrayList<>();
        for (Map<String, Object> user : (List<Map<String, Object>>) realm.getOrDefault("users", List.of())) {
            List<Map<String, Object>> credentials = (List<Map<String, Object>>) user.get("credentials");
            if (credentials != null && !credentials.isEmpty()) {
                if (!environment.demoUsers()) {
                    continue;
                }
                credentials.forEach(c -> c.put("value", "${" + DEMO_PASSWORD + "}"));
                placeholders.put(DEMO_PASSWORD, secretReference(DEMO_PASSWORD_SECRET, "password"));
            }
            users.add(user);
        }
        realm.put("users", users);
        if (!environment.demoUsers()) {
            realm.put("sslRequired", "all");
        }

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", ordered("name", "jointops-realm"));
        resource.put("spec", spec);

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return "# GENERATED from infra/src/main/resources/keycloak/jointops-realm.json by the k8s module's RealmImportTest;\n"
                + "# do not edit. Regenerate: ./mvnw -pl k8s test -Dtest=RealmImportTest -Djointops.k8s.regenerate=true\n"
                + "# Credentials are placeholders the operator fills from Secrets (spec.placeholders).\n"
                + new Yaml(options).dump(resource);
    }
}
