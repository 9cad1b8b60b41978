package io.jointops.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.id;
import static io.jointops.k8s.Manifests.list;
import static io.jointops.k8s.Manifests.map;
import static io.jointops.k8s.Manifests.name;
import static io.jointops.k8s.Manifests.ofKind;
import static io.jointops.k8s.Manifests.str;

/**
 * The platform's rules for what it runs, checked on rendered manifests. Each violation is one readable sentence
 * naming the object; an empty list means the manifests comply.
 */
final class Policies {

    static final String BUS_LABEL = "jointops.io/command-bus";
    static final String BUS_MEMBER = "member";
    static final String MONITORING_NAMESPACE = "monitoring";
    static final String GATEWAY = "gateway";
    /**
     * What the public may reach through an Ingress: the API and its documents (OpenAPI, Swagger UI), the web console's
     * page ({@code /}, exactly) and files.
     */
    static final List<String> PUBLIC_GATEWAY_PATHS = List.of("/api", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui",
            "/", "/console");
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    /** A version, not a moving name like latest or stable: 0.1.0, 26.4.7, 15.14-standard-bookworm. */
    private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+(\\.\\d+)*([-+._][0-9A-Za-z.-]+)?");

    private Policies() {
    }

    static List<String> check(List<Map<String, Object>> objects) {
        Map<String, Object> config = sharedConfig(objects);
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            violations.addAll(checkWorkload(deployment, config));
        }
        // one-replica workloads with state on a volume (the audit log's co-signers): the same container rules, but
        // they take no traffic (no graceful-shutdown rule) and are not scaled (no autoscaler or disruption budget)
        for (Map<String, Object> statefulSet : ofKind(objects, "StatefulSet")) {
            violations.addAll(checkContainers(statefulSet));
        }
        violations.addAll(checkDatabaseOwner(objects));
        violations.addAll(checkBusExposure(objects));
        violations.addAll(checkGatewayExposure(objects));
        violations.addAll(checkNetworkPolicies(objects));
        violations.addAll(checkScaling(objects, config));
        return violations;
    }

    /** The data of the ConfigMap jointops-config (its rendered name carries a content hash). */
    private static Map<String, Object> sharedConfig(List<Map<String, Object>> objects) {
        return ofKind(objects, "ConfigMap").stream()
                .filter(c -> name(c).startsWith("jointops-config"))
                .findFirst()
                .map(c -> map(c, "data"))
                .orElse(Map.of());
    }

    // --- containers

    private static List<String> checkWorkload(Map<String, Object> workload, Map<String, Object> config) {
        List<String> violations = checkContainers(workload);
        violations.addAll(checkGracefulShutdown(workload, map(workload, "spec.template.spec"), config));
        return violations;
    }

    private static List<String> checkContainers(Map<String, Object> workload) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> pod = map(workload, "spec.template.spec");
        for (Map<String, Object> container : Stream.concat(list(pod, "containers").stream(),
                list(pod, "initContainers").stream()).toList()) {
            String where = id(workload) + " container " + container.get("name") + ": ";
            boolean init = list(pod, "initContainers").contains(container);
            if (!init && container.get("livenessProbe") == null) {
                violations.add(where + "no livenessProbe");
            }
            if (!init && container.get("readinessProbe") == null) {
                violations.add(where + "no readinessProbe");
            }
            for (String resource : List.of("cpu", "memory")) {
                if (at(container, "resources.requests." + resource) == null) {
                    violations.add(where + "no " + resource + " request");
                }
                if (at(container, "resources.limits." + resource) == null) {
                    violations.add(where + "no " + resource + " limit");
                }
            }
            violations.addAll(checkSecurity(where, pod, container));
            String image = (String) container.get("image");
            if (image == null || !pinned(image)) {
                violations.add(where + "image " + image + " is not pinned to a version (a tag like 0.1.0 or a digest)");
            }
            if (!init && !env(container, "JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage")) {
                violations.add(where + "JVM not sized from the container's memory (no -XX:MaxRAMPercentage in JAVA_TOOL_OPTIONS)");
            }
            if (!tmpIsEmptyDir(pod, container)) {
                violations.add(where + "no emptyDir mounted at /tmp (the root filesystem is read-only)");
            }
        }
        return violations;
    }

    private static List<String> checkSecurity(String where, Map<String, Object> pod, Map<String, Object> container) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> podContext = map(pod, "securityContext");
        Map<String, Object> context = map(container, "securityContext");
        Object nonRoot = context.containsKey("runAsNonRoot") ? context.get("runAsNonRoot") : podContext.get("runAsNonRoot");
        if (!Boolean.TRUE.equals(nonRoot)) {
            violations.add(where + "may run as root (runAsNonRoot is not true)");
        }
        Object user = context.containsKey("runAsUser") ? context.get("runAsUser") : podContext.get("runAsUser");
        if (Objects.equals(user, 0)) {
            violations.add(where + "runs as root (runAsUser 0)");
        }
        if (!Boolean.TRUE.equals(context.get("readOnlyRootFilesystem"))) {
            violations.add(where + "root filesystem is writable (readOnlyRootFilesystem is not true)");
        }
        if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
            violations.add(where + "allows privilege escalation");
        }
        if (Boolean.TRUE.equals(context.get("privileged"))) {
            violations.add(where + "is privileged");
        }
        Object drop = at(context, "capabilities.drop");
        if (!(drop instanceof List<?> dropped && dropped.contains("ALL"))) {
            violations.add(where + "does not drop ALL capabilities");
        }
        Object seccomp = context.containsKey("seccompProfile")
                ? at(context, "seccompProfile.type") : at(podContext, "seccompProfile.type");
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            violations.add(where + "no RuntimeDefault seccomp profile");
        }
        return violations;
    }

    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        if (colon <= image.lastIndexOf('/')) {
            return false; // no tag at all means latest
        }
        String tag = image.substring(colon + 1);
        return !tag.equalsIgnoreCase("latest") && VERSION_TAG.matcher(tag).matches();
    }

    private static String env(Map<String, Object> container, String name) {
        return list(container, "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value")))
                .findFirst().orElse("");
    }

    private static boolean tmpIsEmptyDir(Map<String, Object> pod, Map<String, Object> container) {
        return list(container, "volumeMounts").stream()
                .filter(m -> "/tmp".equals(m.get("mountPath")))
                .anyMatch(m -> list(pod, "volumes").stream()
                        .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
    }

    /** The pod must outlive the preStop pause plus Spring's shutdown phase, or in-flight requests are cut off. */
    private static List<String> checkGracefulShutdown(Map<String, Object> workload, Map<String, Object> pod,
                                                      Map<String, Object> config) {
        if (!"graceful".equals(config.get("SERVER_SHUTDOWN"))) {
            return List.of(id(workload) + ": SERVER_SHUTDOWN=graceful missing from jointops-config");
        }
        String phase = String.valueOf(config.get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
        if (!phase.matches("\\d+s")) {
            return List.of(id(workload) + ": SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE missing or not in seconds: " + phase);
        }
        int shutdown = Integer.parseInt(phase.substring(0, phase.length() - 1));
        int grace = at(pod, "terminationGracePeriodSeconds") instanceof Integer g ? g : 30;
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> container : list(pod, "containers")) {
            int preStop = at(container, "lifecycle.preStop.sleep.seconds") instanceof Integer s ? s : 0;
            if (preStop == 0) {
                violations.add(id(workload) + " container " + container.get("name")
                        + ": no preStop sleep (requests still routed to a stopping pod fail)");
            }
            if (grace < preStop + shutdown + 5) {
                violations.add(id(workload) + ": terminationGracePeriodSeconds " + grace + " is shorter than preStop "
                        + preStop + " s + shutdown phase " + shutdown + " s + 5 s");
            }
        }
        return violations;
    }

    // --- the database owner's login

    /**
     * The Secret of the database's owner (CloudNativePG's application user), which may change and delete events: only
     * an init container that runs a service's migrations may hold it, never a long-running container, by variable,
     * {@code envFrom} or volume, nor may a workload's service account read Secrets through the API server. A service
     * that logs in to the database runs its migrations in such an init container.
     */
    static final String DATABASE_OWNER_SECRET = "jointops-db-app";
    static final String MIGRATE_ONLY = "--jointops.migrate-only";

    private static List<String> checkDatabaseOwner(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> workload : Stream.concat(ofKind(objects, "Deployment").stream(),
                ofKind(objects, "StatefulSet").stream()).toList()) {
            Map<String, Object> pod = map(workload, "spec.template.spec");
            Set<String> ownerVolumes = new HashSet<>();
            for (Map<String, Object> volume : list(pod, "volumes")) {
                boolean owner = DATABASE_OWNER_SECRET.equals(str(volume, "secret.secretName"))
                        || list(volume, "projected.sources").stream()
                        .anyMatch(source -> DATABASE_OWNER_SECRET.equals(str(source, "secret.name")));
                if (owner) ownerVolumes.add(String.valueOf(volume.get("name")));
            }
            boolean usesDatabase = false;
            for (Map<String, Object> container : list(pod, "containers")) {
                usesDatabase |= list(container, "env").stream().anyMatch(e -> "SPRING_DATASOURCE_USERNAME".equals(e.get("name")));
                if (holdsOwnerSecret(container, ownerVolumes)) {
                    violations.add(id(workload) + " container " + container.get("name") + " holds the database owner's Secret "
                            + DATABASE_OWNER_SECRET + " (only an init container that runs the migrations may)");
                }
            }
            for (Map<String, Object> init : list(pod, "initContainers")) {
                if (holdsOwnerSecret(init, ownerVolumes) && !runsMigrations(init)) {
                    violations.add(id(workload) + " init container " + init.get("name") + " holds the database owner's Secret "
                            + DATABASE_OWNER_SECRET + " but does not run the migrations (" + MIGRATE_ONLY + ")");
                }
            }
            if (usesDatabase && list(pod, "initContainers").stream()
                    .noneMatch(init -> runsMigrations(init))) {
                violations.add(id(workload) + ": no init container runs the service's migrations (" + MIGRATE_ONLY + ")");
            }
            // nor through the API server with the pod's service account token
            String account = Objects.requireNonNullElse(str(pod, "serviceAccountName"), "default");
            for (String role : rolesReadingSecrets(objects, account)) {
                violations.add(id(workload) + ": its service account " + account + " may read Secrets (" + role + ")");
            }
        }
        return violations;
    }

    /** Roles bound to the service account that grant any access to Secrets (or to every resource). */
    private static List<String> rolesReadingSecrets(List<Map<String, Object>> objects, String account) {
        List<String> roles = new ArrayList<>();
        for (Map<String, Object> binding : Stream.concat(ofKind(objects, "RoleBinding").stream(),
                ofKind(objects, "ClusterRoleBinding").stream()).toList()) {
            boolean bound = list(binding, "subjects").stream()
                    .anyMatch(s -> "ServiceAccount".equals(s.get("kind")) && account.equals(s.get("name")));
            if (!bound) continue;
            String kind = str(binding, "roleRef.kind");
            String name = str(binding, "roleRef.name");
            boolean secrets = objects.stream().filter(o -> Objects.equals(kind, Manifests.kind(o)) && Objects.equals(name, name(o)))
                    .flatMap(role -> list(role, "rules").stream())
                    .anyMatch(rule -> at(rule, "resources") instanceof List<?> resources
                            && (resources.contains("secrets") || resources.contains("*")));
            if (secrets) roles.add(kind + "/" + name);
        }
        return roles;
    }

    private static boolean runsMigrations(Map<String, Object> container) {
        return at(container, "args") instanceof List<?> args && args.contains(MIGRATE_ONLY);
    }

    private static boolean holdsOwnerSecret(Map<String, Object> container, Set<String> ownerVolumes) {
        return list(container, "env").stream().anyMatch(e -> DATABASE_OWNER_SECRET.equals(str(e, "valueFrom.secretKeyRef.name")))
                || list(container, "envFrom").stream().anyMatch(e -> DATABASE_OWNER_SECRET.equals(str(e, "secretRef.name")))
                || list(container, "volumeMounts").stream().anyMatch(m -> ownerVolumes.contains(String.valueOf(m.get("name"))));
    }

    // --- the command-bus port

    /** Ports named "bus" in the pod templates, by number: the internal command-bus ports. */
    private static Set<Integer> busPorts(List<Map<String, Object>> objects) {
        Set<Integer> ports = new HashSet<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            for (Map<String, Object> container : list(deployment, "spec.template.spec.containers")) {
                for (Map<String, Object> port : list(container, "ports")) {
                    if ("bus".equals(port.get("name"))) {
                        ports.add((Integer) port.get("containerPort"));
                    }
                }
            }
        }
        return ports;
    }

    private static boolean isBusPort(Object port, Set<Integer> busPorts) {
        return "bus".equals(port) || busPorts.contains(port);
    }

    private static List<String> checkBusExposure(List<Map<String, Object>> objects) {
        Set<Integer> busPorts = busPorts(objects);
        List<String> violations = new ArrayList<>();
        Map<String, Set<Object>> serviceBusPorts = new java.util.HashMap<>();
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            for (Map<String, Object> port : list(service, "spec.ports")) {
                if (isBusPort(port.get("name"), busPorts) || isBusPort(port.get("targetPort"), busPorts)
                        || isBusPort(port.get("port"), busPorts)) {
                    serviceBusPorts.computeIfAbsent(name(service), s -> new HashSet<>()).addAll(
                            Stream.of(port.get("name"), port.get("port")).filter(Objects::nonNull).toList());
                    String type = Objects.requireNonNullElse(str(service, "spec.type"), "ClusterIP");
                    if (!"ClusterIP".equals(type)) {
                        violations.add(id(service) + " exposes the command-bus port beyond the namespace (type " + type + ")");
                    }
                    if (!list(service, "spec.externalIPs").isEmpty()) {
                        violations.add(id(service) + " exposes the command-bus port on external IPs");
                    }
                }
            }
        }
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            for (Map<String, Object> rule : list(ingress, "spec.rules")) {
                for (Map<String, Object> path : list(rule, "http.paths")) {
                    String service = str(path, "backend.service.name");
                    Object port = Objects.requireNonNullElse(at(path, "backend.service.port.name"),
                            at(path, "backend.service.port.number"));
                    if (serviceBusPorts.getOrDefault(service, Set.of()).contains(port)) {
                        violations.add(id(ingress) + " routes to the command-bus port of Service " + service);
                    }
                }
            }
        }
        return violations;
    }

    // --- the gateway: only the API is public, its metrics are not

    /**
     * An Ingress routes to the gateway only the public paths, on its API port; Prometheus scrapes the gateway on its
     * management port, never the API port (it serves no metrics there, and the Ingress exposes it); only Prometheus'
     * namespace reaches the management port.
     */
    private static List<String> checkGatewayExposure(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            for (Map<String, Object> rule : list(ingress, "spec.rules")) {
                for (Map<String, Object> path : list(rule, "http.paths")) {
                    if (!GATEWAY.equals(str(path, "backend.service.name"))) {
                        continue;
                    }
                    String route = Objects.requireNonNullElse(str(path, "path"), "/");
                    if (!PUBLIC_GATEWAY_PATHS.contains(route)) {
                        violations.add(id(ingress) + " routes " + route + " to the gateway: only "
                                + String.join(", ", PUBLIC_GATEWAY_PATHS) + " are public");
                    } else if ("/".equals(route) && !"Exact".equals(str(path, "pathType"))) {
                        violations.add(id(ingress) + " routes / to the gateway as a " + str(path, "pathType")
                                + ": only the console's page is public, as pathType Exact (a prefix / routes every path)");
                    }
                    if (!"http".equals(at(path, "backend.service.port.name"))) {
                        violations.add(id(ingress) + " routes " + route + " to a port of the gateway other than http"
                                + " (the management port serves its metrics)");
                    }
                }
            }
        }
        List<Map<String, Object>> gatewayServices = ofKind(objects, "Service").stream()
                .filter(service -> GATEWAY.equals(name(service))).toList();
        boolean managementScraped = false;
        for (Map<String, Object> monitor : ofKind(objects, "ServiceMonitor")) {
            boolean selectsGateway = gatewayServices.stream()
                    .anyMatch(service -> selects(map(monitor, "spec.selector"), map(service, "metadata.labels")));
            if (!selectsGateway) {
                continue;
            }
            for (Map<String, Object> endpoint : list(monitor, "spec.endpoints")) {
                if ("management".equals(endpoint.get("port"))) {
                    managementScraped = true;
                } else {
                    violations.add(id(monitor) + " scrapes the gateway's port " + endpoint.get("port")
                            + " (its metrics are on the management port only)");
                }
            }
        }
        if (!gatewayServices.isEmpty() && !managementScraped) {
            violations.add("no ServiceMonitor scrapes the gateway's management port");
        }
        Map<String, Object> gatewayPod = ofKind(objects, "Deployment").stream().filter(d -> GATEWAY.equals(name(d)))
                .map(d -> map(d, "spec.template.metadata.labels")).findFirst().orElse(Map.of());
        for (Map<String, Object> policy : ofKind(objects, "NetworkPolicy")) {
            if (gatewayPod.isEmpty() || !selects(map(policy, "spec.podSelector"), gatewayPod)) {
                continue;
            }
            for (Map<String, Object> rule : list(policy, "spec.ingress")) {
                List<Object> ports = list(rule, "ports").stream().map(p -> p.get("port")).toList();
                List<Map<String, Object>> peers = list(rule, "from");
                if ((ports.isEmpty() || ports.contains("management")) && !fromMonitoringOnly(peers)) {
                    violations.add(id(policy) + " lets pods other than Prometheus reach the gateway's management port");
                }
            }
        }
        return violations;
    }

    // --- network policies

    private static List<String> checkNetworkPolicies(List<Map<String, Object>> objects) {
        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        List<String> violations = new ArrayList<>();
        boolean defaultDeny = policies.stream().anyMatch(p -> map(p, "spec.podSelector").isEmpty()
                && list(p, "spec.ingress").isEmpty() && list(p, "spec.egress").isEmpty()
                && at(p, "spec.policyTypes") instanceof List<?> types
                && types.contains("Ingress") && types.contains("Egress"));
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        Set<Integer> busPorts = busPorts(objects);
        List<Map<String, Object>> podLabels = ofKind(objects, "Deployment").stream()
                .map(d -> map(d, "spec.template.metadata.labels")).toList();
        for (Map<String, Object> policy : policies) {
            Map<String, Object> selector = map(policy, "spec.podSelector");
            boolean selectsBusMembers = podLabels.stream()
                    .anyMatch(l -> BUS_MEMBER.equals(l.get(BUS_LABEL)) && selects(selector, l));
            boolean selectsServices = podLabels.stream()
                    .anyMatch(l -> "service".equals(l.get("app.kubernetes.io/component")) && selects(selector, l));
            for (Map<String, Object> rule : list(policy, "spec.ingress")) {
                List<Object> ports = list(rule, "ports").stream().map(p -> p.get("port")).toList();
                List<Map<String, Object>> peers = list(rule, "from");
                boolean coversBus = ports.isEmpty() || ports.stream().anyMatch(p -> isBusPort(p, busPorts));
                if (selectsBusMembers && coversBus && !peers.stream().allMatch(Policies::isBusMemberInNamespace)) {
                    violations.add(id(policy) + " lets pods other than the platform's services reach the command-bus port");
                }
                List<Map<String, Object>> outside = peers.stream()
                        .filter(p -> p.containsKey("namespaceSelector") || p.containsKey("ipBlock")).toList();
                boolean fromAnywhere = peers.isEmpty();
                if (selectsServices && (fromAnywhere || !outside.isEmpty() && !isScrape(outside, ports))) {
                    violations.add(id(policy) + " lets traffic from outside the namespace reach a service "
                            + "(only the gateway receives it; Prometheus may scrape the http port)");
                }
            }
        }
        return violations;
    }

    /** A peer in this namespace (no namespaceSelector, no ipBlock) that selects command-bus members only. */
    private static boolean isBusMemberInNamespace(Map<String, Object> peer) {
        return !peer.containsKey("namespaceSelector") && !peer.containsKey("ipBlock")
                && BUS_MEMBER.equals(map(peer, "podSelector.matchLabels").get(BUS_LABEL));
    }

    /** Prometheus' namespace, on the http port only. */
    private static boolean isScrape(List<Map<String, Object>> peers, List<Object> ports) {
        return ports.equals(List.of("http")) && fromMonitoringOnly(peers);
    }

    /** Peers that are Prometheus' namespace and nothing else. */
    private static boolean fromMonitoringOnly(List<Map<String, Object>> peers) {
        return !peers.isEmpty() && peers.stream().allMatch(p ->
                !p.containsKey("ipBlock") && !p.containsKey("podSelector")
                        && Map.of(NAMESPACE_NAME_LABEL, MONITORING_NAMESPACE).equals(map(p, "namespaceSelector.matchLabels"))
                        && list(p, "namespaceSelector.matchExpressions").isEmpty());
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> required : map(selector, "matchLabels").entrySet()) {
            if (!Objects.equals(String.valueOf(required.getValue()), String.valueOf(labels.get(required.getKey())))) {
                return false;
            }
        }
        for (Map<String, Object> expression : list(selector, "matchExpressions")) {
            String key = (String) expression.get("key");
            List<?> values = expression.get("values") instanceof List<?> v ? v : List.of();
            boolean matches = switch ((String) expression.get("operator")) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    // --- availability and scaling

    private static List<String> checkScaling(List<Map<String, Object>> objects, Map<String, Object> config) {
        List<String> violations = new ArrayList<>();
        int segments = Integer.parseInt(String.valueOf(config.getOrDefault("JOINTOPS_PROCESSING_SEGMENTS", "4")));
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            Map<String, Object> labels = map(deployment, "spec.template.metadata.labels");
            if (ofKind(objects, "PodDisruptionBudget").stream().noneMatch(p -> selects(map(p, "spec.selector"), labels))) {
                violations.add(id(deployment) + " has no PodDisruptionBudget");
            }
            List<Map<String, Object>> autoscalers = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(str(h, "spec.scaleTargetRef.kind"))
                            && name(deployment).equals(str(h, "spec.scaleTargetRef.name")))
                    .toList();
            if (autoscalers.isEmpty()) {
                violations.add(id(deployment) + " has no HorizontalPodAutoscaler");
            }
            boolean processesEvents = BUS_MEMBER.equals(labels.get(BUS_LABEL));
            for (Map<String, Object> autoscaler : autoscalers) {
                int max = (Integer) at(autoscaler, "spec.maxReplicas");
                if (processesEvents && max > segments) {
                    violations.add(id(autoscaler) + ": maxReplicas " + max + " exceeds jointops.processing.segments "
                            + segments + " (replicas beyond it would get no segment to process)");
                }
            }
        }
        return violations;
    }
}
