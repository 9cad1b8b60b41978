package io.jointops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.HexFormat;
import java.util.List;

/**
 * Development signing keys of the agencies that co-sign the audit log's checkpoints on a local platform: generated
 * once into {@code <workDir>/keys} (never into the repository). The notary gets each agency's public key only; each
 * agency's key goes to its co-signer, which on a local platform runs inside the notary's process
 * ({@code jointops.notary.co-signers.*}) with its own state file under {@code <workDir>/cosigners}: the checkpoint it
 * signed last, from which every next one must extend. Each agency's public key is written beside its key
 * ({@code <agency>.pub.pem}): what an auditor's trust policy for the offline verifier names. In production each agency
 * keeps its own key and runs {@code audit-cosigner.jar} itself (see docs/audit-format.md and the runbook).
 */
final class NotaryKeys {

    /** The agencies of the demo realm whose signatures make a local checkpoint complete. */
    static final List<String> AGENCIES = List.of("CN-NNCC", "US-DEA");

    private NotaryKeys() {
    }

    /**
     * For each agency, creating keys as needed: {@code --jointops.notary.agencies.<agency>.public-key-file=...} (it
     * participates; the notary holds no private key) and {@code --jointops.notary.co-signers.<agency>.private-key-file}
     * and {@code .state-file} (its co-signer, in the notary's process). Call once the database has started: the
     * co-signers' states belong to its log ({@link #coSignerStates}).
     */
    static List<String> arguments(Path workDir) {
        List<String> arguments = new ArrayList<>();
        Path states = coSignerStates(workDir);
        for (String agency : AGENCIES) {
            Path key = workDir.resolve("keys").resolve(agency.toLowerCase() + ".pem");
            if (!Files.exists(key)) {
                write(key);
            }
            Path publicKey = publicKeyFile(workDir, agency);
            if (!Files.exists(publicKey)) {
                writePublic(key, publicKey);
            }
            arguments.add("--jointops.notary.agencies." + agency + ".public-key-file=" + publicKey);
            arguments.add("--jointops.notary.co-signers." + agency + ".private-key-file=" + key);
            arguments.add("--jointops.notary.co-signers." + agency + ".state-file="
                    + states.resolve(agency.toLowerCase() + ".state"));
        }
        return arguments;
    }

    /**
     * Where the co-signers keep their state: {@code <workDir>/cosigners}. A co-signer refuses a log that does not extend
     * what it signed, so a new database (the embedded PostgreSQL initialised anew: {@code --fresh} runs, a deleted
     * {@code pgdata}) would have its checkpoints refused as a rollback forever. The directory therefore records the
     * database it witnesses (the cluster's system identifier, the first 8 bytes of {@code pgdata/global/pg_control});
     * for another database the states start afresh, the old ones kept in {@code cosigners.previous}. With an external
     * database there is no {@code pgdata} to tell: delete {@code cosigners} when that database is reset.
     */
    static Path coSignerStates(Path workDir) {
        Path states = workDir.resolve("cosigners");
        Path control = workDir.resolve("pgdata").resolve("global").resolve("pg_control");
        try {
            if (!Files.isRegularFile(control)) {
                Files.createDirectories(states);
                return states;
            }
            byte[] head = new byte[8];
            try (var in = Files.newInputStream(control)) {
                if (in.readNBytes(head, 0, 8) != 8) {
                    throw new IOException(control + " is shorter than 8 bytes");
                }
            }
            String database = HexFormat.of().formatHex(head);
            Path marker = states.resolve("database");
            if (Files.isDirectory(states) && !(Files.isRegularFile(marker) && Files.readString(marker).strip().equals(database))) {
                Path previous = workDir.resolve("cosigners.previous");
                deleteRecursively(previous);
                Files.move(states, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createDirectories(states);
            Files.writeString(marker, database + "\n");
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the co-signers' states in " + states + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
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
