package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's cursor key: made once per data directory, kept across launches, readable by its owner only. */
class FeedCursorKeyTest {

    @Test
    void isMadeOnceAndKept(@TempDir Path workDir) throws Exception {
        String key = FeedCursorKey.load(workDir);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(FeedCursorKey.load(workDir)).isEqualTo(key);
        Path file = workDir.resolve(FeedCursorKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(FeedCursorKey.load(Files.createDirectories(workDir.resolve("other")))).isNotEqualTo(key);
    }
}
