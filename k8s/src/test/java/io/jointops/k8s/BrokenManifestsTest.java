package io.jointops.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check fails on a manifest broken on purpose. The fixtures under src/test/resources/broken/ are kustomizations
 * that take the real base and break one thing, so the same render and the same checks run as on the overlays.
 */
class BrokenManifestsTest {

    static final Path BROKEN = Manifests.K8S_DIR.resolve("src/test/resources/broken");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-probes            | Deployment/case-service container app: no livenessProbe
            no-probes            | Deployment/case-service container app: no readinessProbe
            no-limits            | Deployment/case-service container app: no memory limit
            runs-as-root         | Deployment/gateway container app: may run as root
            runs-as-root         | Deployment/gateway container app: runs as root (runAsUser 0)
            writable-root        | Deployment/finance-service container app: root filesystem is writable
            writable-root        | Deployment/finance-service container app: does not drop ALL capabilities
            latest-tag           | image registry.example.org/jointops/intel-service:latest is not pinned
            unsized-jvm          | Deployment/chemical-service container app: JVM not sized from the container's memory
            short-grace          | Deployment/case-service: terminationGracePeriodSeconds 20 is shorter than
            bus-nodeport         | Service/case-service exposes the command-bus port beyond the namespace (type NodePort)
            bus-ingress          | Ingress/gateway routes to the command-bus port of Service case-service
            ingress-root         | Ingress/gateway routes / to the gateway as a Prefix: only the console's page is public, as pathType Exact
            ingress-actuator     | Ingress/gateway routes /actuator to the gateway: only /api, /v3/api-docs, /swagger-ui.html, /swagger-ui, /, /console are public
            gateway-metrics-public | ServiceMonitor/jointops-gateway scrapes the gateway's port http
            gateway-metrics-public | NetworkPolicy/gateway lets pods other than Prometheus reach the gateway's management port
            gateway-metrics-public | no ServiceMonitor scrapes the gateway's management port
            bus-open-policy      | NetworkPolicy/open-bus lets pods other than the platform's services reach the command-bus port
            service-from-outside | NetworkPolicy/outside lets traffic from outside the namespace reach a service
            no-default-deny      | no default-deny NetworkPolicy
            no-pdb               | Deployment/finance-service has no PodDisruptionBudget
            too-few-segments     | HorizontalPodAutoscaler/case-service: maxReplicas 12 exceeds jointops.processing.segments 8
            owner-in-service     | Deployment/case-service container app holds the database owner's Secret jointops-db-app
            no-migrations        | Deployment/intel-service: no init container runs the service's migrations
            secrets-readable     | Deployment/finance-service: its service account finance-service may read Secrets (Role/jointops-discovery)
            """)
    void policyCheckFails(String fixture, String expected) {
        List<Map<String, Object>> objects = Manifests.render(BROKEN.resolve(fixture));
        List<String> violations = Policies.check(objects);
        System.out.println("broken/" + fixture + " -> " + violations);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains(expected));
        // the fixture breaks what it says and nothing else the checks would blame on the real manifests
        assertThat(SchemaValidation.validate(objects)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field     | Deployment/gateway: The field `replica` in the JSON string is not defined in the `V1DeploymentSpec` properties
            wrong-type        | Service/gateway: cannot be read as V1Service
            removed-api       | PodDisruptionBudget/gateway: no schema for policy/v1beta1 PodDisruptionBudget
            crd-missing-field | Cluster/jointops-db: required field spec.storage.size is missing
            """)
    void schemaValidationFails(String fixture, String expected) {
        List<String> problems = SchemaValidation.validate(Manifests.render(BROKEN.resolve(fixture)));
        System.out.println("broken/" + fixture + " -> " + problems);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void kustomizationRuleFailsOnBases() throws IOException {
        assertThat(KustomizationRules.check(BROKEN.resolve("deprecated-bases/kustomization.yaml")))
                .anySatisfy(v -> assertThat(v).contains("uses the deprecated bases:"));
    }

    @Test
    void everyFixtureIsExercised() throws IOException {
        try (Stream<Path> fixtures = Files.list(BROKEN)) {
            assertThat(fixtures.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "no-probes", "no-limits", "runs-as-root", "writable-root", "latest-tag", "unsized-jvm",
                    "short-grace", "bus-nodeport", "bus-ingress", "ingress-root", "ingress-actuator",
                    "gateway-metrics-public", "bus-open-policy", "service-from-outside",
                    "no-default-deny", "no-pdb", "too-few-segments", "unknown-field", "wrong-type", "removed-api",
                    "crd-missing-field", "deprecated-bases", "owner-in-service", "no-migrations",
                    "secrets-readable");
        }
    }
}
