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
 * The deployment's symmetric keys, each generated once per data directory (a file readable by its owner only) and
 * kept, so what they seal or sign still holds after the platform restarts: the key the gateway seals the partner
 * feed's cursors with ({@link #FEED_CURSOR}, {@code jointops.feed.cursor-key}; on Kubernetes the Secret
 * {@code jointops-feed}), and the one every service derives each webhook's signing secret from
 * ({@link #WEBHOOK_SIGNING}, {@code jointops.webhooks.signing-key}; the Secret {@code jointops-webhooks}).
 */
final class DeploymentKeys {

    static final String FEED_CURSOR = "feed-cursor.key";
    static final String WEBHOOK_SIGNING = "webhook-signing.key";

    private DeploymentKeys() {
    }

    /** The data directory's key {@code file}, made now if it has none: 32 random bytes, base64. */
    static synchronized String load(Path workDir, String file) {
        Path path = workDir.resolve(file);
        try {
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(workDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path written = Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, encoded + System.lineSeparator(), StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the key " + path, e);
        }
    }
}
