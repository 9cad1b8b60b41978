package io.jointops.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.list;
import static io.jointops.k8s.Manifests.named;
import static io.jointops.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log on Kubernetes (docs/audit-format.md, "Kubernetes"): the notary's keys and the co-signers are configured
 * from Secrets in every overlay and readiness fails without them ({@link AuditPolicies}); each rule fails on a
 * manifest broken on purpose (src/test/resources/broken-audit/, the real base with one thing broken).
 */
class AuditManifestsTest {

    static final Path BROKEN = Manifests.K8S_DIR.resolve("src/test/resources/broken-audit");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theNotaryAndACoSignerPerAgencyAreConfiguredFromSecrets(String kustomization) {
        List<Map<String, Object>> objects = Manifests.render(Manifests.K8S_DIR.resolve(kustomization));
        assertThat(AuditPolicies.check(objects)).as("audit policy violations").isEmpty();
        assertThat(ofKind(objects, "StatefulSet")).extracting(Manifests::name)
                .containsExactlyInAnyOrder("cosigner-cn-nncc", "cosigner-us-dea");
        for (String agency : List.of("cn-nncc", "us-dea")) {
            Map<String, Object> coSigner = named(objects, "StatefulSet", "cosigner-" + agency);
            assertThat(list(coSigner, "spec.template.spec.volumes")).anySatisfy(v ->
                    assertThat(at(v, "secret.secretName")).isEqualTo("jointops-cosigner-" + agency));
            assertThat(String.valueOf(at(list(coSigner, "spec.template.spec.containers").get(0), "image")))
                    .startsWith("registry.example.org/jointops/audit-cosigner:");
        }
        assertThat(list(named(objects, "Deployment", "case-service"), "spec.template.spec.volumes")).anySatisfy(v ->
                assertThat(at(v, "secret.secretName")).isEqualTo("jointops-notary"));
        // the co-signers reach the gateway, which admits them
        assertThat(String.valueOf(named(objects, "NetworkPolicy", "gateway"))).contains("component=cosigner");
        // an overlay carries the realm, so the policies above also checked each co-signer's client in it
        assertThat(ofKind(objects, "KeycloakRealmImport")).hasSize(kustomization.startsWith("overlays/") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            notary-keys-missing      | Deployment/case-service: the key file /run/secrets/jointops-notary/cn-nncc.pub.pem of CN-NNCC is in no mounted volume
            notary-keys-optional     | is in the Secret jointops-notary, which is optional: the pod would start without it
            notary-holds-keys        | Deployment/case-service: the notary holds the private keys of [CN-NNCC, US-DEA], but it may hold at most one
            notary-readiness         | Deployment/case-service: the readiness group (MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE=readinessState,db) does not include
            agency-without-cosigner  | US-DEA participates in the audit log, but no co-signer signs for it
            cosigner-state-ephemeral | StatefulSet/cosigner-cn-nncc: its state /var/lib/cosigner/state is not on a persistent volume
            cosigner-readiness       | StatefulSet/cosigner-us-dea: the readiness probe does not ask /readyz
            cosigner-client          | StatefulSet/cosigner-us-dea: its client jointops-partner-us-dea has the realm roles [feed-reader], not notary-signer alone
            """)
    void eachRuleFailsOnAManifestBrokenOnPurpose(String fixture, String expected) {
        List<Map<String, Object>> objects = Manifests.render(BROKEN.resolve(fixture));
        List<String> violations = AuditPolicies.check(objects);
        System.out.println("broken-audit/" + fixture + " -> " + violations);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains(expected));
        // the fixture breaks what it says and nothing else
        assertThat(SchemaValidation.validate(objects)).isEmpty();
        assertThat(Policies.check(objects)).isEmpty();
    }

    @Test
    void theContainerRulesOfThePlatformHoldForTheCoSignersToo() {
        List<Map<String, Object>> objects = Manifests.render(BROKEN.resolve("cosigner-unlimited"));
        List<String> violations = Policies.check(objects);
        System.out.println("broken-audit/cosigner-unlimited -> " + violations);
        assertThat(violations).contains("StatefulSet/cosigner-cn-nncc container app: no memory limit",
                "StatefulSet/cosigner-cn-nncc container app: runs as root (runAsUser 0)");
        assertThat(SchemaValidation.validate(objects)).isEmpty();
    }

    @Test
    void everyFixtureIsExercised() throws IOException {
        try (Stream<Path> fixtures = Files.list(BROKEN)) {
            assertThat(fixtures.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "notary-keys-missing", "notary-keys-optional", "notary-holds-keys", "notary-readiness",
                    "agency-without-cosigner", "cosigner-state-ephemeral", "cosigner-readiness", "cosigner-unlimited",
                    "cosigner-client");
        }
    }

    @Test
    void theCoSignersImageRunsAsTheUserTheStatefulSetsRequire() throws IOException {
        String dockerfile = Files.readString(Manifests.K8S_DIR.resolve("Dockerfile.cosigner"));
        assertThat(dockerfile).contains("USER 10001:10001").contains("-XX:MaxRAMPercentage")
                .contains("-pl audit").contains("audit/target/audit-cosigner.jar");
        assertThat(Files.readString(Manifests.REPO_DIR.resolve("audit/pom.xml"))).contains("<finalName>audit-cosigner</finalName>")
                .contains("<mainClass>io.jointops.audit.CoSignerCli</mainClass>");
        for (Map<String, Object> coSigner : ofKind(Manifests.render(Manifests.K8S_DIR.resolve("base")), "StatefulSet")) {
            assertThat(at(coSigner, "spec.template.spec.securityContext.runAsUser")).isEqualTo(10001);
            assertThat(at(coSigner, "spec.template.spec.securityContext.fsGroup")).as("its state volume is writable")
                    .isEqualTo(10001);
        }
    }

    @Test
    void theAlertsWatchWhatTheNotaryAndTheCoSignersReport() throws IOException {
        List<Map<String, Object>> base = Manifests.render(Manifests.K8S_DIR.resolve("base"));
        String rules = String.valueOf(at(named(base, "PrometheusRule", "jointops"), "spec"));
        assertThat(rules).contains("JointOpsNotaryRefusing", "jointops_notary_refusing",
                "JointOpsCheckpointsNotCoSigned", "jointops_notary_uncovered_leaves",
                "JointOpsCoSignerNotReady", "cosigner-.*");
        // the names the notary registers (Micrometer writes jointops.notary.refusing as jointops_notary_refusing)
        String notary = Files.readString(Manifests.REPO_DIR.resolve(
                "notary/src/main/java/io/jointops/notary/NotaryConfiguration.java"));
        assertThat(notary).contains("\"jointops.notary.refusing\"", "\"jointops.notary.uncovered.leaves\"",
                "HealthIndicator notaryKeysHealthIndicator");
    }
}
