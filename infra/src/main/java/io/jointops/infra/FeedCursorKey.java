package io.jointops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key the gateway seals the partner feed's cursors with ({@code jointops.feed.cursor-key}), generated once per data
 * directory ({@code feed-cursor.key}, readable by its owner only) and kept, so a partner system's cursor still opens
 * after the gateway or the whole platform restarts. On Kubernetes it comes from the Secret {@code jointops-feed}.
 */
final class FeedCursorKey {

    static final String FILE = "feed-cursor.key";

    private FeedCursorKey() {
    }

    /** The data directory's key, made now if it has none: 32 random bytes, base64. */
    static synchronized String load(Path workDir) {
        Path file = workDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(workDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path written = Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, encoded + System.lineSeparator(), StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the feed's cursor key " + file, e);
        }
    }
}
