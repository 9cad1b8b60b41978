package io.jointops.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules for the kustomization files themselves (kubectl still accepts what they forbid). */
final class KustomizationRules {

    private KustomizationRules() {
    }

    static List<String> check(Path kustomization) throws IOException {
        Map<String, Object> content = Manifests.parse(Files.readString(kustomization)).get(0);
        List<String> violations = new ArrayList<>();
        if (content.containsKey("bases")) {
            violations.add(kustomization + ": uses the deprecated bases: (list them under resources:)");
        }
        if (content.containsKey("commonLabels")) {
            violations.add(kustomization + ": uses commonLabels, which also rewrites selectors (use labels:)");
        }
        return violations;
    }
}
