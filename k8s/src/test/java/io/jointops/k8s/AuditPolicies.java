package io.jointops.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.id;
import static io.jointops.k8s.Manifests.list;
import static io.jointops.k8s.Manifests.map;
import static io.jointops.k8s.Manifests.name;
import static io.jointops.k8s.Manifests.ofKind;

/**
 * The audit log's rules for what is deployed (docs/audit-format.md, "Kubernetes"), on rendered manifests: the notary
 * (case-service) gets every participating agency's key from a Secret it cannot start without, holds at most one
 * private key, and is not ready without its keys; every agency whose key the notary does not hold has a co-signer,
 * whose key comes from a Secret, whose state is on a persistent volume, and whose readiness follows its rounds; where
 * the realm import is rendered too, each co-signer's Keycloak client is in it, client credentials only, with the role
 * notary-signer alone and the co-signer's agency. Each violation is one sentence naming the object; an empty list
 * means the manifests comply.
 */
final class AuditPolicies {

    /** The Deployment that runs the notary (jointops.notary.enabled in its application.yml). */
    static final String NOTARY = "case-service";

    private AuditPolicies() {
    }

    static List<String> check(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> notary = ofKind(objects, "Deployment").stream().filter(d -> NOTARY.equals(name(d)))
                .findFirst().orElse(null);
        if (notary == null) {
            return List.of("no Deployment " + NOTARY + ": nothing runs the notary");
        }
        Map<String, Object> container = list(notary, "spec.template.spec.containers").get(0);
        String where = id(notary) + ": ";
        Map<String, JsonNode> agencies = agencies(env(container, "SPRING_APPLICATION_JSON"));
        if (agencies.isEmpty()) {
            violations.add(where + "no agency is configured for the notary (jointops.notary.agencies in"
                    + " SPRING_APPLICATION_JSON): no checkpoint would ever be issued");
        }
        List<String> held = new ArrayList<>();
        agencies.forEach((agency, keys) -> {
            if (keys.has("private-key") || keys.has("public-key")) {
                violations.add(where + "the key of " + agency + " is given inline, not from a Secret");
            }
            if (keys.has("private-key-file")) {
                held.add(agency);
            }
            for (String property : List.of("public-key-file", "private-key-file")) {
                if (keys.has(property)) {
                    fromSecret(notary, container, keys.get(property).asText()).ifPresent(problem ->
                            violations.add(where + "the key file " + keys.get(property).asText() + " of " + agency
                                    + " " + problem));
                }
            }
            if (!keys.has("public-key-file") && !keys.has("private-key-file")) {
                violations.add(where + agency + " participates without a key file");
            }
        });
        if (held.size() > 1) {
            violations.add(where + "the notary holds the private keys of " + held + ", but it may hold at most one"
                    + " (its operator's): the others co-sign with their own co-signers");
        }
        String readiness = env(container, "MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE");
        List<String> included = readiness == null ? List.of() : List.of(readiness.split("\\s*,\\s*"));
        if (!included.containsAll(List.of("readinessState", "db", "notaryKeys"))) {
            violations.add(where + "the readiness group (MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE="
                    + readiness + ") does not include readinessState, db and notaryKeys: the notary would be ready"
                    + " without its keys");
        }
        if (!"/actuator/health/readiness".equals(at(container, "readinessProbe.httpGet.path"))) {
            violations.add(where + "the readiness probe does not ask /actuator/health/readiness");
        }

        Map<String, Map<String, Object>> coSigners = new TreeMap<>();
        for (Map<String, Object> statefulSet : ofKind(objects, "StatefulSet")) {
            Map<String, Object> c = list(statefulSet, "spec.template.spec.containers").get(0);
            String agency = args(c).get("--agency");
            if (agency != null) {
                coSigners.put(agency, statefulSet);
            }
        }
        for (String agency : agencies.keySet()) {
            if (!held.contains(agency) && !coSigners.containsKey(agency)) {
                violations.add(agency + " participates in the audit log, but no co-signer signs for it (a"
                        + " StatefulSet running audit-cosigner with --agency=" + agency + "): its checkpoints would"
                        + " never be complete");
            }
        }
        coSigners.forEach((agency, statefulSet) -> violations.addAll(checkCoSigner(statefulSet)));
        // where the realm is deployed too (the overlays), each co-signer's client is in it, and is what it must be
        ofKind(objects, "KeycloakRealmImport").stream().findFirst().ifPresent(realmImport -> coSigners.forEach(
                (agency, statefulSet) -> violations.addAll(checkCoSignerClient(statefulSet, agency, realmImport))));
        return violations;
    }

    /**
     * The co-signer's Keycloak client: confidential, client credentials only, and its service account has the role
     * notary-signer alone (checkpoints, keys, proofs and co-signing; no event content) and the co-signer's agency as
     * its agency claim (the notary takes a signature only for the token's agency).
     */
    private static List<String> checkCoSignerClient(Map<String, Object> statefulSet, String agency,
                                                    Map<String, Object> realmImport) {
        String where = id(statefulSet) + ": ";
        String clientId = args(list(statefulSet, "spec.template.spec.containers").get(0)).get("--client-id");
        if (clientId == null) {
            return List.of(where + "no --client-id: the co-signer cannot log in to the realm");
        }
        Map<String, Object> client = list(realmImport, "spec.realm.clients").stream()
                .filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElse(null);
        if (client == null) {
            return List.of(where + "its client " + clientId + " is not in the realm import " + name(realmImport));
        }
        List<String> violations = new ArrayList<>();
        String ofClient = where + "its client " + clientId + " ";
        if (!Boolean.FALSE.equals(client.get("publicClient")) || !Boolean.TRUE.equals(client.get("serviceAccountsEnabled"))) {
            violations.add(ofClient + "is not a confidential client with a service account");
        }
        for (String userFlow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled")) {
            if (!Boolean.FALSE.equals(client.get(userFlow))) {
                violations.add(ofClient + "does not turn off " + userFlow + ": a co-signer's client has no user flow");
            }
        }
        Map<String, Object> account = list(realmImport, "spec.realm.users").stream()
                .filter(u -> clientId.equals(u.get("serviceAccountClientId"))).findFirst().orElse(null);
        if (account == null) {
            violations.add(ofClient + "has no service-account user in the realm import");
            return violations;
        }
        Object roles = account.get("realmRoles");
        if (!List.of("notary-signer").equals(roles)) {
            violations.add(ofClient + "has the realm roles " + roles + ", not notary-signer alone: it would read"
                    + " more than checkpoints and proofs, or not co-sign");
        }
        Object agencies = at(account, "attributes.agency");
        if (!List.of(agency).equals(agencies)) {
            violations.add(ofClient + "has the agency " + agencies + ", not " + agency + ": the notary would refuse"
                    + " its signatures for " + agency);
        }
        return violations;
    }

    private static List<String> checkCoSigner(Map<String, Object> statefulSet) {
        List<String> violations = new ArrayList<>();
        String where = id(statefulSet) + ": ";
        Map<String, Object> container = list(statefulSet, "spec.template.spec.containers").get(0);
        Map<String, String> args = args(container);
        for (String file : List.of("--key", "--client-secret-file")) {
            if (args.containsKey(file)) {
                fromSecret(statefulSet, container, args.get(file)).ifPresent(problem ->
                        violations.add(where + "its " + file + " file " + args.get(file) + " " + problem));
            }
        }
        if (!args.containsKey("--key")) {
            violations.add(where + "no --key: the co-signer has no key of its agency");
        }
        String state = args.get("--state");
        boolean persistent = state != null && list(container, "volumeMounts").stream()
                .filter(m -> state.startsWith(m.get("mountPath") + "/"))
                .anyMatch(m -> list(statefulSet, "spec.volumeClaimTemplates").stream()
                        .anyMatch(t -> Objects.equals(at(t, "metadata.name"), m.get("name")))
                        && list(statefulSet, "spec.template.spec.volumes").stream()
                        .noneMatch(v -> Objects.equals(v.get("name"), m.get("name"))));
        if (!persistent) {
            violations.add(where + "its state " + state + " is not on a persistent volume (volumeClaimTemplates):"
                    + " a co-signer that loses it can no longer tell a rewritten log from the one it signed");
        }
        Object replicas = at(statefulSet, "spec.replicas");
        if (replicas != null && !Objects.equals(replicas, 1)) {
            violations.add(where + "replicas " + replicas + ": one co-signer per agency and state");
        }
        if (!args.containsKey("--watch")) {
            violations.add(where + "no --watch: it would sign once and exit");
        }
        if (!"/readyz".equals(at(container, "readinessProbe.httpGet.path"))) {
            violations.add(where + "the readiness probe does not ask /readyz: it would be ready while it refuses or"
                    + " cannot reach the API");
        }
        Object port = at(container, "readinessProbe.httpGet.port");
        boolean healthPort = list(container, "ports").stream().anyMatch(p -> (Objects.equals(p.get("name"), port)
                || Objects.equals(p.get("containerPort"), port))
                && String.valueOf(p.get("containerPort")).equals(args.get("--health-port")));
        if (!healthPort) {
            violations.add(where + "the readiness probe's port is not --health-port " + args.get("--health-port"));
        }
        return violations;
    }

    /**
     * Empty if {@code file} is in a volume of a Secret the pod cannot start without, holding that file as an item;
     * else what is wrong.
     */
    private static Optional<String> fromSecret(Map<String, Object> workload, Map<String, Object> container, String file) {
        Map<String, Object> mount = list(container, "volumeMounts").stream()
                .filter(m -> file.startsWith(m.get("mountPath") + "/")).findFirst().orElse(null);
        if (mount == null) {
            return Optional.of("is in no mounted volume");
        }
        Map<String, Object> volume = list(workload, "spec.template.spec.volumes").stream()
                .filter(v -> Objects.equals(v.get("name"), mount.get("name"))).findFirst().orElse(null);
        if (volume == null || !volume.containsKey("secret")) {
            return Optional.of("is not in a Secret volume");
        }
        Map<String, Object> secret = map(volume, "secret");
        if (Boolean.TRUE.equals(secret.get("optional"))) {
            return Optional.of("is in the Secret " + secret.get("secretName") + ", which is optional: the pod would"
                    + " start without it");
        }
        String path = file.substring(((String) mount.get("mountPath")).length() + 1);
        List<Map<String, Object>> items = list(secret, "items");
        if (!items.isEmpty() && items.stream().noneMatch(i -> path.equals(i.get("path")))) {
            return Optional.of("is not an item of the Secret " + secret.get("secretName"));
        }
        return Optional.empty();
    }

    /** jointops.notary.agencies from SPRING_APPLICATION_JSON: agency to its key settings. */
    private static Map<String, JsonNode> agencies(String json) {
        Map<String, JsonNode> agencies = new LinkedHashMap<>();
        if (json == null) {
            return agencies;
        }
        try {
            new ObjectMapper().readTree(json).path("jointops").path("notary").path("agencies").fields()
                    .forEachRemaining(e -> agencies.put(e.getKey(), e.getValue()));
        } catch (IOException e) {
            throw new IllegalArgumentException("SPRING_APPLICATION_JSON is not JSON: " + json, e);
        }
        return agencies;
    }

    private static String env(Map<String, Object> container, String name) {
        return list(container, "env").stream().filter(e -> name.equals(e.get("name")))
                .map(e -> (String) e.get("value")).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** --name=value and --name value; a flag maps to "". */
    static Map<String, String> args(Map<String, Object> container) {
        Map<String, String> args = new LinkedHashMap<>();
        List<?> raw = at(container, "args") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < raw.size(); i++) {
            String arg = String.valueOf(raw.get(i));
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                args.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (i + 1 < raw.size() && !String.valueOf(raw.get(i + 1)).startsWith("--")) {
                args.put(arg, String.valueOf(raw.get(++i)));
            } else {
                args.put(arg, "");
            }
        }
        return args;
    }
}
