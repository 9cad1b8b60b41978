package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment's keys: each made once per data directory, kept across launches, readable by its owner only. */
class DeploymentKeysTest {

    @Test
    void isMadeOnceAndKept(@TempDir Path workDir) throws Exception {
        String key = DeploymentKeys.load(workDir, DeploymentKeys.FEED_CURSOR);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(DeploymentKeys.load(workDir, DeploymentKeys.FEED_CURSOR)).isEqualTo(key);
        Path file = workDir.resolve(DeploymentKeys.FEED_CURSOR);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DeploymentKeys.load(Files.createDirectories(workDir.resolve("other")), DeploymentKeys.FEED_CURSOR))
                .isNotEqualTo(key);
    }

    @Test
    void eachKeyIsItsOwn(@TempDir Path workDir) throws Exception {
        String cursors = DeploymentKeys.load(workDir, DeploymentKeys.FEED_CURSOR);
        String webhooks = DeploymentKeys.load(workDir, DeploymentKeys.WEBHOOK_SIGNING);

        assertThat(Base64.getDecoder().decode(webhooks)).hasSize(32);
        assertThat(webhooks).isNotEqualTo(cursors);
        assertThat(DeploymentKeys.load(workDir, DeploymentKeys.WEBHOOK_SIGNING)).isEqualTo(webhooks);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir.resolve(DeploymentKeys.WEBHOOK_SIGNING))))
                .isEqualTo("rw-------");
    }
}
