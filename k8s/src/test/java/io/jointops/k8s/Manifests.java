package io.jointops.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rendered Kubernetes objects as plain maps, and small helpers to walk them. */
final class Manifests {

    /** The module's directory (the manifests), set by Maven; the working directory when run from an IDE. */
    static final Path K8S_DIR = Path.of(System.getProperty("jointops.k8s.dir", ".")).toAbsolutePath().normalize();
    /** The repository root. */
    static final Path REPO_DIR = Path.of(System.getProperty("jointops.repo.dir", "..")).toAbsolutePath().normalize();

    private Manifests() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    /** Renders a kustomization directory with kubectl and parses the result. */
    static List<Map<String, Object>> render(Path kustomization) {
        return parse(Kubectl.kustomize(kustomization));
    }

    static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    static String name(Map<String, Object> object) {
        return str(object, "metadata.name");
    }

    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }

    /** The value at a dotted path, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    static String str(Object node, String path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String path) {
        Object value = at(node, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String path) {
        Object value = at(node, path);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(kind(o)) && Objects.equals(name, name(o)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }
}
