package io.jointops.notary;

import io.jointops.audit.CoSigner;
import io.jointops.audit.CoSignerState;
import io.jointops.audit.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Development only: agencies' co-signers running inside the notary's process ({@code jointops.notary.co-signers.*}),
 * so that a local platform's checkpoints are complete without an agency's {@code audit-cosigner.jar}. Each is the same
 * {@link CoSigner} the command line runs, with its own state file: it signs the newest checkpoint only if the notary's
 * consistency proof leads from the checkpoint it signed last, so a log rewritten between two starts of a local platform
 * is refused here too. It protects against nothing the operator does, since the operator's process holds the keys;
 * in production each agency runs its co-signer itself.
 */
final class InProcessCoSigners {

    private static final Logger log = LoggerFactory.getLogger(InProcessCoSigners.class);

    private final List<CoSigner> coSigners;
    /** The last refusal of each co-signer that refused in its last round. */
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    InProcessCoSigners(List<CoSigner> coSigners) {
        this.coSigners = List.copyOf(coSigners);
    }

    static InProcessCoSigners none() {
        return new InProcessCoSigners(List.of());
    }

    /** The co-signers configured; the agency of each must participate with the public key of its private key. */
    static InProcessCoSigners load(NotaryProperties properties, AgencyKeys keys) {
        List<CoSigner> coSigners = new ArrayList<>();
        properties.getCoSigners().forEach((agency, config) -> {
            String where = "jointops.notary.co-signers." + agency;
            AgencyKeys.Agency participant = keys.get(agency).orElseThrow(() -> new IllegalStateException(where
                    + ": " + agency + " is not a participating agency (give jointops.notary.agencies." + agency
                    + ".public-key-file)"));
            if (participant.privateKey().isPresent()) {
                throw new IllegalStateException(where + ": the notary already signs for " + agency + " itself");
            }
            String pem = AgencyKeys.keyText(config.getPrivateKey(), config.getPrivateKeyFile(), where + ".private-key");
            if (pem == null) {
                throw new IllegalStateException(where + " has no private-key-file");
            }
            PrivateKey key;
            try {
                key = Ed25519.privateKey(pem);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".private-key is " + e.getMessage(), e);
            }
            if (!Arrays.equals(Ed25519.publicKeyOf(key).getEncoded(), participant.publicKey().getEncoded())) {
                throw new IllegalStateException(where + ": the private key is not that of the public key configured"
                        + " for " + agency);
            }
            if (config.getStateFile() == null || config.getStateFile().isBlank()) {
                throw new IllegalStateException(where + " has no state-file (where the co-signer keeps the checkpoint"
                        + " it signed last)");
            }
            CoSignerState state = CoSignerState.file(Path.of(config.getStateFile()));
            if (!state.exists()) {
                state.write(CoSignerState.State.initial(properties.getOrigin(), agency));
                log.info("Co-signer of {} starts from the empty tree (new state file {})", agency, config.getStateFile());
            }
            CoSignerState.State current = state.read();
            if (!current.origin().equals(properties.getOrigin()) || !current.agency().equals(agency)) {
                throw new IllegalStateException(where + ".state-file " + config.getStateFile() + " is of log '"
                        + current.origin() + "' and agency " + current.agency());
            }
            coSigners.add(new CoSigner(agency, key, state));
        });
        if (!coSigners.isEmpty()) {
            log.warn("Co-signing in this process for {} (jointops.notary.co-signers, development only): whoever runs"
                    + " this process holds their keys; in production each agency runs audit-cosigner.jar itself",
                    coSigners.stream().map(CoSigner::agency).toList());
        }
        return new InProcessCoSigners(coSigners);
    }

    boolean isEmpty() {
        return coSigners.isEmpty();
    }

    /** Agency to the reason its co-signer refused in its last round; empty when none refuses. */
    Map<String, String> refusals() {
        return Collections.unmodifiableMap(new TreeMap<>(refusals));
    }

    /**
     * Each co-signer considers the newest checkpoint with the notary's consistency proof from the checkpoint it signed
     * last, and its signature is added when it signs.
     */
    void coSign(Notary notary) {
        if (coSigners.isEmpty()) {
            return;
        }
        Notary.Signed newest = notary.newest().orElse(null);
        if (newest == null) {
            return;
        }
        long size = newest.checkpoint().treeSize();
        for (CoSigner coSigner : coSigners) {
            boolean signed = newest.signatures().stream().anyMatch(s -> s.agency().equals(coSigner.agency()));
            try (AutoCloseable locked = coSigner.state().lock()) {
                long from = coSigner.lastSignedSize();
                if (signed && from == size) {
                    continue;
                }
                CoSigner.Decision decision = coSigner.consider(newest.checkpoint(), proof(notary, from, size));
                if (decision instanceof CoSigner.Refused refused) {
                    if (!refused.reason().equals(refusals.put(coSigner.agency(), refused.reason()))) {
                        log.error("Co-signer of {} (in process) refuses checkpoint {}: {}", coSigner.agency(), size,
                                refused.reason());
                    }
                    continue;
                }
                refusals.remove(coSigner.agency());
                if (!notary.addSignature(size, coSigner.agency(), ((CoSigner.Signed) decision).signature())) {
                    log.error("The signature of {}'s co-signer on checkpoint {} does not verify", coSigner.agency(), size);
                }
            } catch (Exception e) {
                log.error("Co-signer of {} (in process) failed on checkpoint {}", coSigner.agency(), size, e);
            }
        }
    }

    /** The notary's proof from {@code from} to {@code size}; none when its tree cannot give one (the co-signer refuses). */
    private static List<byte[]> proof(Notary notary, long from, long size) {
        if (from >= size) {
            return List.of();
        }
        try {
            return notary.consistencyProof(from, size);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
