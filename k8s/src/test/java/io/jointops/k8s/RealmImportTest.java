package io.jointops.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

/** The overlays' realm imports are the infra realm, minus its credentials; regenerated on request. */
class RealmImportTest {

    static final List<RealmImports.Environment> ENVIRONMENTS = RealmImports.ENVIRONMENTS;

    @ParameterizedTest
    @FieldSource("ENVIRONMENTS")
    void committedImportIsGeneratedFromTheInfraRealm(RealmImports.Environment environment) throws IOException {
        String expected = RealmImports.generate(environment);
        if (Boolean.getBoolean("jointops.k8s.regenerate")) {
            Files.writeString(environment.file(), expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(environment.file(), StandardCharsets.UTF_8))
                .as(environment.file() + " is out of date with the infra realm; regenerate it with "
                        + "./mvnw -pl k8s test -Dtest=RealmImportTest -Djointops.k8s.regenerate=true")
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("ENVIRONMENTS")
    void carriesNoCredentials(RealmImports.Environment environment) throws IOException {
        Map<String, Object> realmImport = Manifests.parse(RealmImports.generate(environment)).get(0);
        for (Map<String, Object> client : list(realmImport, "spec.realm.clients")) {
            if (client.containsKey("secret")) {
                assertThat((String) client.get("secret")).matches("\\$\\{[A-Z_]+}");
            }
        }
        for (Map<String, Object> user : list(realmImport, "spec.realm.users")) {
            for (Map<String, Object> credential : list(user, "credentials")) {
                assertThat(credential.get("value")).isEqualTo("${" + RealmImports.DEMO_PASSWORD + "}");
            }
        }
        Map<?, ?> placeholders = (Map<?, ?>) at(realmImport, "spec.placeholders");
        placeholders.values().forEach(p -> assertThat(at(p, "secret.name")).isNotNull());
    }

    @Test
    void productionHasNeitherDemoUsersNorThePasswordGrantClient() throws IOException {
        Map<String, Object> prod = Manifests.parse(RealmImports.generate(RealmImports.ENVIRONMENTS.get(1))).get(0);
        assertThat(list(prod, "spec.realm.users")).allSatisfy(u -> assertThat(u).containsKey("serviceAccountClientId"));
        assertThat(list(prod, "spec.realm.clients")).extracting(c -> c.get("clientId")).doesNotContain("jointops-cli");
        assertThat(at(prod, "spec.realm.sslRequired")).isEqualTo("all");
    }
}
