package io.jointops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Development signing keys of the agencies that co-sign the audit log's checkpoints on a local platform: generated
 * once into {@code <workDir>/keys} (never into the repository), and handed to the service that runs the notary.
 * In production each agency keeps its own key (see docs/audit-format.md and the runbook).
 */
final class NotaryKeys {

    /** The agencies of the demo realm whose signatures make a local checkpoint complete. */
    static final List<String> AGENCIES = List.of("CN-NNCC", "US-DEA");

    private NotaryKeys() {
    }

    /** {@code --jointops.notary.agencies.<agency>.private-key-file=...} for each agency, creating keys as needed. */
    static List<String> arguments(Path workDir) {
        List<String> arguments = new ArrayList<>();
        for (String agency : AGENCIES) {
            Path key = workDir.resolve("keys").resolve(agency.toLowerCase() + ".pem");
            if (!Files.exists(key)) {
                write(key);
            }
            arguments.add("--jointops.notary.agencies." + agency + ".private-key-file=" + key);
        }
        return arguments;
    }

    private static void write(Path key) {
        try {
            byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(key.getParent());
            Files.writeString(key, pem);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
