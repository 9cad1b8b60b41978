package io.jointops.k8s;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jointops.k8s.Manifests.at;
import static io.jointops.k8s.Manifests.id;
import static io.jointops.k8s.Manifests.kind;
import static io.jointops.k8s.Manifests.list;

/**
 * Every rendered object against a schema. Built-in kinds go through the Kubernetes 1.33 models of
 * {@code io.kubernetes:client-java-api}: their generated validators refuse unknown fields and missing required
 * fields, and the deserializer refuses wrong types; an apiVersion the models do not have (e.g. a removed beta) has
 * no model and fails too. Custom resources, whose CRDs are not available offline, are checked for their
 * apiVersion/kind and the fields their operators require.
 */
final class SchemaValidation {

    /** apiVersion and kind of the custom resources we use → the fields their CRDs require (dotted paths). */
    private static final Map<String, List<String>> CUSTOM_RESOURCES = Map.of(
            "postgresql.cnpg.io/v1 Cluster", List.of("spec.instances", "spec.storage.size"),
            "postgresql.cnpg.io/v1 ScheduledBackup", List.of("spec.schedule", "spec.cluster.name"),
            "barmancloud.cnpg.io/v1 ObjectStore", List.of("spec.configuration.destinationPath"),
            "k8s.keycloak.org/v2alpha1 Keycloak", List.of("spec.instances", "spec.db.vendor", "spec.hostname.hostname"),
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport", List.of("spec.keycloakCRName", "spec.realm.realm"),
            "monitoring.coreos.com/v1 ServiceMonitor", List.of("spec.selector", "spec.endpoints"),
            "monitoring.coreos.com/v1 PodMonitor", List.of("spec.selector", "spec.podMetricsEndpoints"),
            "monitoring.coreos.com/v1 PrometheusRule", List.of("spec.groups"));

    /** The API group of the built-in kinds we render: the models know versions and kinds, not groups. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("Namespace", ""), Map.entry("ServiceAccount", ""), Map.entry("Service", ""),
            Map.entry("ConfigMap", ""), Map.entry("Secret", ""),
            Map.entry("Deployment", "apps"), Map.entry("PodDisruptionBudget", "policy"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling"), Map.entry("NetworkPolicy", "networking.k8s.io"),
            Map.entry("Ingress", "networking.k8s.io"), Map.entry("Role", "rbac.authorization.k8s.io"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io"));

    private SchemaValidation() {
    }

    static List<String> validate(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            problems.addAll(validate(object));
        }
        return problems;
    }

    static List<String> validate(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String kind = kind(object);
        if (apiVersion == null || kind == null) {
            return List.of("object without apiVersion or kind: " + object);
        }
        if (at(object, "metadata.name") == null) {
            return List.of(apiVersion + " " + kind + " without metadata.name");
        }
        List<String> required = CUSTOM_RESOURCES.get(apiVersion + " " + kind);
        if (required != null) {
            return validateCustom(object, required);
        }
        return validateBuiltIn(object, apiVersion, kind);
    }

    private static List<String> validateBuiltIn(Map<String, Object> object, String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (GROUPS.containsKey(kind) && !GROUPS.get(kind).equals(group)) {
            return List.of(id(object) + ": " + kind + " is not in API group '" + group + "'");
        }
        Class<?> model = modelClass(apiVersion, kind);
        if (model == null) {
            return List.of(id(object) + ": no schema for " + apiVersion + " " + kind
                    + " (not a Kubernetes 1.33 API, and not a known custom resource)");
        }
        String json = JSON.getGson().toJson(object);
        try {
            JsonElement element = JSON.getGson().fromJson(json, JsonElement.class);
            Method validator = model.getMethod("validateJsonElement", JsonElement.class);
            validator.invoke(null, element);
            JSON.deserialize(json, model);
            return List.of();
        } catch (InvocationTargetException e) {
            // the generated validators append the whole object; the first sentence names the field
            return List.of(id(object) + ": " + e.getCause().getMessage().split(" JSON: ")[0]);
        } catch (RuntimeException e) {
            return List.of(id(object) + ": cannot be read as " + model.getSimpleName() + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** apps/v1 Deployment → V1Deployment, autoscaling/v2 HorizontalPodAutoscaler → V2HorizontalPodAutoscaler. */
    private static Class<?> modelClass(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        String name = Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        try {
            return Class.forName("io.kubernetes.client.openapi.models." + name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static List<String> validateCustom(Map<String, Object> object, List<String> required) {
        List<String> problems = new ArrayList<>();
        for (String path : required) {
            if (at(object, path) == null) {
                problems.add(id(object) + ": required field " + path + " is missing");
            }
        }
        if ("PrometheusRule".equals(kind(object))) {
            for (Map<String, Object> group : list(object, "spec.groups")) {
                for (Map<String, Object> rule : list(group, "rules")) {
                    boolean alert = rule.get("alert") != null;
                    boolean record = rule.get("record") != null;
                    if (alert == record || rule.get("expr") == null) {
                        problems.add(id(object) + ": rule " + rule + " needs expr and exactly one of alert or record");
                    }
                }
            }
        }
        return problems;
    }
}
