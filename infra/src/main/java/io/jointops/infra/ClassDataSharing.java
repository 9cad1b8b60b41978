package io.jointops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster JVM start of the services and the gateway on two cores, without changing what they run.
 * A Spring Boot jar is run extracted (Spring Boot's {@code -Djarmode=tools extract}: the application jar
 * and its libraries as plain jars; classes no longer come from jars nested in a jar), with an AppCDS
 * archive of the classes it loaded (Java 17: {@code -XX:ArchiveClassesAtExit} on a first run writes it
 * when that JVM exits; later runs map it with {@code -XX:SharedArchiveFile}). Measured on the gateway
 * alone: 13.9-17.1 CPU seconds to ready from the jar, 9.2 extracted, 6.6-7.0 extracted with the archive.
 *
 * <p>Both live under {@code <root>/infra/target/cds/<module>/<jar size>-<jar mtime>/}, so a rebuilt jar
 * gets a new extraction and a new archive; older ones of the same module are deleted once unused for an
 * hour. An archive is written to a file of its own per run and only becomes {@code app.jsa} when its JVM
 * has exited normally (stopped with SIGTERM), never after a kill; the JVM ignores an archive that does
 * not match its class path, with a warning in the log, and runs without it.
 */
final class ClassDataSharing {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(180);
    /**
     * The jars are rebuilt often in a working tree (≈ 160 MB per module and build with the archive). A running JVM
     * has opened its class path and mapped its archive by the end of its start, so deleting them later is safe on Linux.
     */
    private static final Duration STALE = Duration.ofHours(1);

    /** How to run one module: JVM options before {@code -jar}, the jar, and the archive a first run writes. */
    record Launch(List<String> jvmOptions, Path jar, Path writtenArchive, Path archive) {

        /** After the JVM has exited: keeps the archive it wrote if it exited normally (0, or 143 for SIGTERM). */
        void exited(int exitCode) {
            if (writtenArchive == null) return;
            try {
                if ((exitCode == 0 || exitCode == 143) && Files.isRegularFile(writtenArchive) && Files.size(writtenArchive) > 0) {
                    move(writtenArchive, archive);
                } else {
                    System.err.println("not keeping the class data archive " + writtenArchive + ": exit code " + exitCode);
                    Files.deleteIfExists(writtenArchive);
                }
            } catch (IOException e) {
                System.err.println("cannot keep the class data archive " + writtenArchive + ": " + e.getMessage());
            }
        }
    }

    private final Path cache;

    ClassDataSharing(Path root) {
        this.cache = root.resolve("infra/target/cds");
    }

    /** Extracts {@code jar} if it has not been yet; falls back to the jar itself if that fails. */
    Launch prepare(String module, Path jar) {
        try {
            Path dir = cache.resolve(module).resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            Path extracted = dir.resolve("app");
            Path app = extracted.resolve(jar.getFileName());
            if (!Files.isRegularFile(app)) extract(jar, dir, extracted);
            Files.setLastModifiedTime(dir, FileTime.from(Instant.now())); // in use: not stale
            deleteStale(dir);
            Path archive = dir.resolve("app.jsa");
            if (Files.isRegularFile(archive)) {
                return new Launch(List.of("-XX:SharedArchiveFile=" + archive), app, null, archive);
            }
            Path written = dir.resolve("app-" + UUID.randomUUID() + ".jsa");
            return new Launch(List.of("-XX:ArchiveClassesAtExit=" + written), app, written, archive);
        } catch (IOException | RuntimeException e) {
            System.err.println("WARNING: running " + jar + " unextracted, without a class data archive: " + e.getMessage());
            return new Launch(List.of(), jar, null, null);
        }
    }

    /** Into a directory of its own first, so that a platform started at the same time never sees half of it. */
    private static void extract(Path jar, Path dir, Path extracted) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("extracting-" + UUID.randomUUID());
        Path log = dir.resolve(tmp.getFileName() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", tmp.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar + " took more than " + EXTRACT_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(tmp.resolve(jar.getFileName()))) {
            deleteRecursively(tmp);
            throw new IOException("extracting " + jar + " failed, see " + log);
        }
        Files.deleteIfExists(log);
        try {
            Files.move(tmp, extracted, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteRecursively(tmp);
            if (!Files.isRegularFile(extracted.resolve(jar.getFileName()))) throw e; // else another start was first
        }
    }

    private static void deleteStale(Path current) {
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            for (Path sibling : siblings.filter(p -> !p.equals(current)).toList()) {
                if (Files.getLastModifiedTime(sibling).toInstant().isBefore(Instant.now().minus(STALE))) {
                    deleteRecursively(sibling);
                }
            }
        } catch (IOException e) {
            // stale copies only cost disk space
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) Files.deleteIfExists(path);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
