package io.jointops.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.kind;
import static io.jointops.k8s.Manifests.list;
import static io.jointops.k8s.Manifests.named;
import static io.jointops.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders, every object is valid against its schema, and the policies hold. */
class OverlaysTest {

    static final List<String> PROCESSES =
            List.of("gateway", "case-service", "intel-service", "finance-service", "chemical-service");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void rendersValidObjectsThatComplyWithThePolicies(String kustomization) {
        List<Map<String, Object>> objects = Manifests.render(Manifests.K8S_DIR.resolve(kustomization));

        assertThat(SchemaValidation.validate(objects)).as("schema violations").isEmpty();
        assertThat(Policies.check(objects)).as("policy violations").isEmpty();
        for (String process : PROCESSES) {
            assertThat(ofKind(objects, "Deployment")).extracting(Manifests::name).contains(process);
        }
        assertThat(objects).extracting(Manifests::kind).contains("Cluster", "Keycloak", "Ingress",
                "ServiceMonitor", "PrometheusRule", "NetworkPolicy", "Role", "RoleBinding");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void overlaysAreDeployable(String overlay) {
        List<Map<String, Object>> objects = Manifests.render(Manifests.K8S_DIR.resolve("overlays/" + overlay));
        assertThat(objects).extracting(Manifests::kind).contains("Namespace", "KeycloakRealmImport");
        for (Map<String, Object> object : objects) {
            if (!"Namespace".equals(kind(object))) {
                assertThat(at(object, "metadata.namespace")).as(Manifests.id(object)).isEqualTo(namespace(overlay));
            }
        }
        // the base's documentation-range placeholder for the API server must be replaced
        assertThat(Kubectl.kustomize(Manifests.K8S_DIR.resolve("overlays/" + overlay))).doesNotContain("192.0.2.1");
        // the issuer the services check is the host the Keycloak Ingress serves
        String issuer = (String) at(ofKind(objects, "ConfigMap").stream()
                .filter(c -> Manifests.name(c).startsWith("jointops-config")).findFirst().orElseThrow(), "data.JOINTOPS_ISSUER_URI");
        String keycloakHost = (String) at(list(named(objects, "Ingress", "keycloak"), "spec.rules").get(0), "host");
        assertThat(issuer).isEqualTo("https://" + keycloakHost + "/realms/jointops");
        assertThat(at(named(objects, "Keycloak", "keycloak"), "spec.hostname.hostname")).isEqualTo("https://" + keycloakHost);
    }

    private static String namespace(String overlay) {
        return "prod".equals(overlay) ? "jointops" : "jointops-" + overlay;
    }

    @Test
    void devRunsOneReplicaAndProdThreeSpreadOverNodes() {
        List<Map<String, Object>> dev = Manifests.render(Manifests.K8S_DIR.resolve("overlays/dev"));
        List<Map<String, Object>> prod = Manifests.render(Manifests.K8S_DIR.resolve("overlays/prod"));
        for (String process : PROCESSES) {
            assertThat(at(named(dev, "HorizontalPodAutoscaler", process), "spec.minReplicas")).isEqualTo(1);
            assertThat(at(named(prod, "HorizontalPodAutoscaler", process), "spec.minReplicas")).isEqualTo(3);
            // replicas belong to the autoscaler: a replicas field would reset them on every apply
            assertThat(at(named(prod, "Deployment", process), "spec.replicas")).isNull();
            assertThat(at(named(prod, "Deployment", process), "spec.template.spec.affinity.podAntiAffinity")).isNotNull();
            assertThat(at(named(dev, "Deployment", process), "spec.template.spec.affinity")).isNull();
        }
        assertThat(at(named(dev, "Cluster", "jointops-db"), "spec.instances")).isEqualTo(1);
        assertThat(at(named(prod, "Cluster", "jointops-db"), "spec.instances")).isEqualTo(3);
    }

    /**
     * Least privilege in the database: each service logs in with its own role (a managed role of the cluster whose
     * password Secret the service reads); the database's owner runs the migrations only, in an init container of the
     * same image in its migrate-only run, and the service's container never gets the owner's Secret. What the roles
     * may do is granted by the migrations (platform's DatabaseRolesIT).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void eachServiceLogsInWithItsOwnDatabaseRoleAndMigratesAsTheOwnerInAnInitContainer(String kustomization) {
        List<Map<String, Object>> objects = Manifests.render(Manifests.K8S_DIR.resolve(kustomization));
        Map<String, Object> cluster = named(objects, "Cluster", "jointops-db");
        Map<String, Map<String, Object>> roles = new java.util.HashMap<>();
        list(cluster, "spec.managed.roles").forEach(role -> roles.put((String) role.get("name"), role));
        Map<String, String> schemas = Map.of("case-service", "cases", "intel-service", "intel",
                "finance-service", "finance", "chemical-service", "chemicals");
        for (Map.Entry<String, String> service : schemas.entrySet()) {
            Map<String, Object> pod = Manifests.map(named(objects, "Deployment", service.getKey()), "spec.template.spec");
            List<Map<String, Object>> containers = list(pod, "containers");
            assertThat(containers).as(service.getKey()).hasSize(1);
            Map<String, Object> container = containers.get(0);
            String own = "jointops-db-" + service.getValue();
            assertThat(secretVariables(container)).as(service.getKey())
                    .containsEntry("SPRING_DATASOURCE_USERNAME", own + "/username")
                    .containsEntry("SPRING_DATASOURCE_PASSWORD", own + "/password")
                    .doesNotContainKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD")
                    .allSatisfy((variable, secret) -> assertThat(secret).doesNotStartWith("jointops-db-app/"));
            assertThat(String.valueOf(container)).as(service.getKey() + "'s container").doesNotContain("jointops-db-app")
                    .doesNotContainIgnoringCase("flyway");
            // the migrations: the same image in its migrate-only run, as the owner, before the service starts
            List<Map<String, Object>> inits = list(pod, "initContainers");
            assertThat(inits).as(service.getKey()).hasSize(1);
            Map<String, Object> migrate = inits.get(0);
            assertThat(migrate.get("image")).isEqualTo(container.get("image"));
            assertThat(strings(migrate.get("args"))).containsExactly("--jointops.migrate-only");
            assertThat(secretVariables(migrate)).as(service.getKey() + "'s migrations")
                    .containsEntry("SPRING_DATASOURCE_USERNAME", "jointops-db-app/username")
                    .containsEntry("SPRING_DATASOURCE_PASSWORD", "jointops-db-app/password");
            assertThat(String.valueOf(migrate)).doesNotContain(own);
            assertThat(list(pod, "volumes")).as("no volume of the owner's Secret in " + service.getKey())
                    .noneSatisfy(v -> assertThat(String.valueOf(v)).contains("jointops-db-app"));
            Map<String, Object> role = roles.get("jointops_" + service.getValue());
            assertThat(role).as("managed role of " + service.getKey()).isNotNull();
            assertThat(at(role, "login")).isEqualTo(true);
            assertThat(at(role, "passwordSecret.name")).isEqualTo(own);
            assertThat(strings(role.get("inRoles"))).contains("jointops_service")
                    .doesNotContain("pg_read_all_data", "pg_write_all_data", "pg_read_all_stats");
            assertThat(role).doesNotContainKeys("superuser", "createdb", "createrole", "bypassrls", "replication");
            assertThat(strings(role.get("inRoles")).contains("jointops_notary"))
                    .as(service.getKey() + " runs the notary").isEqualTo(service.getKey().equals("case-service"));
        }
        assertThat(at(roles.get("jointops_service"), "login")).isEqualTo(false);
        assertThat(at(roles.get("jointops_notary"), "login")).isEqualTo(false);
        assertThat(strings(roles.get("jointops_notary").get("inRoles"))).containsExactly("pg_read_all_stats");
        assertThat(at(cluster, "spec.bootstrap.initdb.owner")).isEqualTo("jointops");
        // the gateway has no database at all
        assertThat(String.valueOf(named(objects, "Deployment", "gateway"))).doesNotContain("jointops-db");
    }

    /**
     * Evidence files in an S3-compatible object store: the overlay's {@code jointops-config} says where (store,
     * endpoint, bucket), the bucket's credentials come to each service's container from the Secret
     * {@code jointops-evidence-s3}, optional (without it the files stay in PostgreSQL), and nowhere else: never a
     * literal, never in the migrations' container.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theObjectStoresCredentialsComeFromAnOptionalSecret(String kustomization) {
        List<Map<String, Object>> objects = Manifests.render(Manifests.K8S_DIR.resolve(kustomization));
        for (String service : List.of("case-service", "intel-service", "finance-service", "chemical-service")) {
            Map<String, Object> pod = Manifests.map(named(objects, "Deployment", service), "spec.template.spec");
            Map<String, Object> container = list(pod, "containers").get(0);
            assertThat(secretVariables(container)).as(service)
                    .containsEntry("JOINTOPS_EVIDENCE_S3_ACCESSKEY", "jointops-evidence-s3/access-key")
                    .containsEntry("JOINTOPS_EVIDENCE_S3_SECRETKEY", "jointops-evidence-s3/secret-key");
            list(container, "env").stream().filter(e -> String.valueOf(e.get("name")).startsWith("JOINTOPS_EVIDENCE_S3_"))
                    .forEach(e -> {
                        assertThat(e).as(service + " " + e.get("name")).doesNotContainKey("value");
                        assertThat(at(e, "valueFrom.secretKeyRef.optional")).as(service).isEqualTo(true);
                    });
            assertThat(String.valueOf(list(pod, "initContainers"))).as(service + "'s migrations")
                    .doesNotContain("jointops-evidence-s3");
        }
        for (Map<String, Object> config : ofKind(objects, "ConfigMap")) {
            assertThat(String.valueOf(config.get("data"))).as(Manifests.id(config))
                    .doesNotContain("JOINTOPS_EVIDENCE_S3_ACCESSKEY", "JOINTOPS_EVIDENCE_S3_SECRETKEY");
        }
    }

    /** A container's variables taken from Secrets: name to {@code secret/key}. */
    private static Map<String, String> secretVariables(Map<String, Object> container) {
        Map<String, String> secrets = new java.util.HashMap<>();
        list(container, "env").stream().filter(e -> at(e, "valueFrom.secretKeyRef") != null)
                .forEach(e -> secrets.put((String) e.get("name"), at(e, "valueFrom.secretKeyRef.name") + "/"
                        + at(e, "valueFrom.secretKeyRef.key")));
        return secrets;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @Test
    void alertsAndDashboardCoverWhatOperatorsWatch() throws IOException {
        List<Map<String, Object>> base = Manifests.render(Manifests.K8S_DIR.resolve("base"));
        String rules = String.valueOf(at(named(base, "PrometheusRule", "jointops"), "spec"));
        assertThat(rules).contains("JointOpsEventProcessorLag", "JointOpsHighErrorRate", "JointOpsDeadlineBacklog",
                "jointops_gateway_rate_limited_total", "JointOpsNotReady",
                "jointops_evidence_integrity_failures_total");
        Map<?, ?> dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                Manifests.K8S_DIR.resolve("base/monitoring/grafana-dashboard.json").toFile(), Map.class);
        List<?> panels = (List<?>) dashboard.get("panels");
        assertThat(panels.stream().map(p -> String.valueOf(((Map<?, ?>) p).get("title")))).contains("Command rate per service",
                "Command latency per service", "Processor lag (events)", "Event-store growth", "Gateway responses by status");
        assertThat(panels).allSatisfy(p -> assertThat((List<?>) ((Map<?, ?>) p).get("targets")).isNotEmpty());
        // the dashboard ships as a ConfigMap for Grafana's sidecar
        assertThat(at(named(base, "ConfigMap", "jointops-grafana-dashboard"), "metadata.labels.grafana_dashboard")).isEqualTo("1");
    }

    @Test
    void theImageRunsAsTheUserTheDeploymentsRequire() throws IOException {
        String dockerfile = Files.readString(Manifests.K8S_DIR.resolve("Dockerfile"));
        assertThat(dockerfile).contains("USER 10001:10001").contains("-XX:MaxRAMPercentage");
        for (Map<String, Object> deployment : ofKind(Manifests.render(Manifests.K8S_DIR.resolve("base")), "Deployment")) {
            assertThat(at(deployment, "spec.template.spec.securityContext.runAsUser")).isEqualTo(10001);
            assertThat(Files.exists(Manifests.REPO_DIR.resolve(Manifests.name(deployment) + "/pom.xml")))
                    .as("module of " + Manifests.name(deployment) + " (the Dockerfile's MODULE)").isTrue();
        }
    }

    @Test
    void kustomizationsUseResourcesNotTheDeprecatedBases() throws IOException {
        try (Stream<Path> files = Files.walk(Manifests.K8S_DIR)) {
            List<Path> kustomizations = files
                    .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !f.startsWith(Manifests.K8S_DIR.resolve("target")))
                    .filter(f -> !f.startsWith(BrokenManifestsTest.BROKEN))
                    .toList();
            assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(3);
            for (Path kustomization : kustomizations) {
                assertThat(KustomizationRules.check(kustomization)).as(kustomization.toString()).isEmpty();
            }
        }
    }
}
