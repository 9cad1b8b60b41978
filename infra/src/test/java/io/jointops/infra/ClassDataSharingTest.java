package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a class data archive becomes usable, and what happens when a jar cannot be extracted. */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    @Test
    void anArchiveWrittenByAJvmStoppedWithSigtermIsKept() throws IOException {
        Path written = Files.writeString(dir.resolve("app-1.jsa"), "archive");
        Path archive = dir.resolve("app.jsa");

        new ClassDataSharing.Launch(List.of(), dir.resolve("app.jar"), written, archive).exited(143);

        assertThat(archive).hasContent("archive");
        assertThat(written).doesNotExist();
    }

    @Test
    void anArchiveOfAKilledJvmIsDroppedBecauseItMayBeHalfWritten() throws IOException {
        Path written = Files.writeString(dir.resolve("app-1.jsa"), "half an arch");
        Path archive = dir.resolve("app.jsa");

        new ClassDataSharing.Launch(List.of(), dir.resolve("app.jar"), written, archive).exited(137);

        assertThat(archive).doesNotExist();
        assertThat(written).doesNotExist();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsBuiltWithoutAnArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("not-spring-boot.jar"), "not a jar");

        ClassDataSharing.Launch launch = new ClassDataSharing(dir).prepare("gateway", jar);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(launch.writtenArchive()).isNull();
        try (var left = Files.walk(dir.resolve("infra/target/cds"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("extracting-")).filter(Files::isDirectory))
                    .as("no half-extracted directory is left behind").isEmpty();
        }
    }
}
