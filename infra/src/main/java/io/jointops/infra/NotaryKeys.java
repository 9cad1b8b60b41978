package io.jointops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Development signing keys of the agencies that co-sign the audit log's checkpoints on a local platform: generated
 * once into {@code <workDir>/keys} (never into the repository), and handed to the service that runs the notary.
 * Each agency's public key is written beside its key ({@code <agency>.pub.pem}): what an auditor's trust policy for the
 * offline verifier names. In production each agency keeps its own key (see docs/audit-format.md and the runbook).
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
            Path publicKey = publicKeyFile(workDir, agency);
            if (!Files.exists(publicKey)) {
                writePublic(key, publicKey);
            }
            arguments.add("--jointops.notary.agencies." + agency + ".private-key-file=" + key);
        }
        return arguments;
    }

    /** Where the public key of an agency's development key is: {@code <workDir>/keys/<agency>.pub.pem}. */
    static Path publicKeyFile(Path workDir, String agency) {
        return workDir.resolve("keys").resolve(agency.toLowerCase() + ".pub.pem");
    }

    /** The X.509 public key of a PKCS#8 Ed25519 key: Ed25519 derives it from the 32-byte seed the key holds. */
    private static void writePublic(Path key, Path publicKey) {
        try {
            StringBuilder base64 = new StringBuilder();
            for (String line : Files.readAllLines(key)) {
                if (!line.startsWith("-----")) {
                    base64.append(line.strip());
                }
            }
            EdECPrivateKey privateKey = (EdECPrivateKey) KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.toString())));
            byte[] seed = privateKey.getBytes().orElseThrow();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            byte[] x509 = generator.generateKeyPair().getPublic().getEncoded();
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(x509)
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key + " is not an Ed25519 private key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
