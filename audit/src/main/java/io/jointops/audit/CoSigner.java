package io.jointops.audit;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * One agency's witness of the log ({@code docs/audit-format.md}, "Co-signing"): it co-signs a checkpoint with the
 * agency's own Ed25519 key only when the checkpoint extends the last one this co-signer signed, shown by an RFC 9162
 * consistency proof from that size and root, which the co-signer keeps in a state file of its own. So it never signs
 * <ul>
 * <li>a tree that does not extend what it signed before (a rewritten history: the proof does not verify),</li>
 * <li>a second, different checkpoint of a size it has signed (a split view: two trees of one size shown to two
 * agencies, or to one agency at two times),</li>
 * <li>a smaller tree than the one it signed (a rollback, e.g. after checkpoints were deleted),</li>
 * <li>a checkpoint of another log, or one that does not list its agency, or whose last position lies before the
 * last one it signed plus the leaves added.</li>
 * </ul>
 * The state moves only when it signs, and is written before the signature leaves the co-signer, so a refusal repeats
 * on every later round until the log shows a tree that extends what was signed. The transport (the notary's API, files,
 * or the notary itself in development) is the caller's: this class decides and signs.
 */
public final class CoSigner {

    /** What a co-signer decided about one checkpoint. */
    public sealed interface Decision permits Signed, Refused {
        Checkpoint checkpoint();
    }

    /**
     * Signed: {@code signature} is the agency's Ed25519 signature of {@link Checkpoint#signedBody()}; {@code again}
     * when it is the checkpoint the co-signer had signed last (Ed25519 signs deterministically: the same signature).
     */
    public record Signed(Checkpoint checkpoint, byte[] signature, boolean again, String reason) implements Decision {
    }

    /** Refused, and why; {@code kind} is one of the {@link Refusal} names. */
    public record Refused(Checkpoint checkpoint, Refusal kind, String reason) implements Decision {
    }

    /** Why a co-signer refuses. */
    public enum Refusal {
        /** The checkpoint is of another log. */
        ORIGIN,
        /** The checkpoint does not list this co-signer's agency. */
        NOT_A_PARTICIPANT,
        /** The checkpoint is smaller than the one last signed. */
        ROLLBACK,
        /** Another checkpoint of the size last signed: another root (or time, or last position). */
        SPLIT_VIEW,
        /** The consistency proof from the checkpoint last signed does not verify: the history was rewritten. */
        INCONSISTENT,
        /** The last position is before the one last signed plus the leaves added. */
        POSITIONS
    }

    private final String agency;
    private final PrivateKey key;
    private final PublicKey publicKey;
    private final CoSignerState state;

    /** A co-signer for {@code agency} signing with {@code key}, keeping its state in {@code state}. */
    public CoSigner(String agency, PrivateKey key, CoSignerState state) {
        this.agency = Objects.requireNonNull(agency);
        this.key = Objects.requireNonNull(key);
        this.publicKey = Ed25519.publicKeyOf(key);
        this.state = Objects.requireNonNull(state);
    }

    public String agency() {
        return agency;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public CoSignerState state() {
        return state;
    }

    /** The size of the checkpoint last signed, from which the next consistency proof must start. */
    public long lastSignedSize() {
        return state.read().treeSize();
    }

    /**
     * Signs {@code checkpoint} if {@code consistencyProof} proves that it extends the checkpoint last signed (the
     * proof from that size to the checkpoint's; empty when the sizes are equal), and records it as the last signed
     * before returning the signature; refuses otherwise and records nothing.
     */
    public synchronized Decision consider(Checkpoint checkpoint, List<byte[]> consistencyProof) {
        CoSignerState.State last = state.read();
        if (!last.origin().equals(checkpoint.origin())) {
            return new Refused(checkpoint, Refusal.ORIGIN, "checkpoint " + checkpoint.treeSize() + " is of log '"
                    + checkpoint.origin() + "', but this co-signer witnesses log '" + last.origin() + "'");
        }
        if (!checkpoint.agencies().contains(agency)) {
            return new Refused(checkpoint, Refusal.NOT_A_PARTICIPANT, "checkpoint " + checkpoint.treeSize()
                    + " lists agencies " + checkpoint.agencies() + ", not " + agency);
        }
        String lastOne = "the checkpoint " + agency + " signed last (size " + last.treeSize() + ", root "
                + Hex.shortHash(last.rootHash()) + (last.time() == null ? "" : ", " + last.time()) + ")";
        if (checkpoint.treeSize() < last.treeSize()) {
            return new Refused(checkpoint, Refusal.ROLLBACK, "checkpoint " + checkpoint.treeSize() + " (root "
                    + Hex.shortHash(checkpoint.rootHash()) + ") is smaller than " + lastOne
                    + ": the log was rolled back, or is shown to " + agency + " as an older tree");
        }
        if (checkpoint.treeSize() == last.treeSize()) {
            if (!MessageDigest.isEqual(checkpoint.rootHash(), last.rootHash())) {
                return new Refused(checkpoint, Refusal.SPLIT_VIEW, "checkpoint " + checkpoint.treeSize() + " has root "
                        + Hex.shortHash(checkpoint.rootHash()) + ", but " + lastOne + " has another root of the same"
                        + " size: two different trees of one size (a split view, or a history rewritten and re-grown"
                        + " to the same size)");
            }
            if (last.time() != null && (!last.time().equals(checkpoint.time())
                    || last.lastPosition() != checkpoint.lastPosition())) {
                return new Refused(checkpoint, Refusal.SPLIT_VIEW, "checkpoint " + checkpoint.treeSize()
                        + " has the root " + agency + " signed, but time " + checkpoint.time() + " and last position "
                        + checkpoint.lastPosition() + " where " + lastOne + " had " + last.time()
                        + " and last position " + last.lastPosition() + ": two different checkpoints of one size");
            }
            if (last.time() != null) {
                return new Signed(checkpoint, Ed25519.sign(key, checkpoint.signedBytes()), true,
                        "checkpoint " + checkpoint.treeSize() + " is the one " + agency + " signed last");
            }
            // the initial state (nothing signed yet) and a checkpoint of its size: only size 0, which is never issued
        }
        Merkle merkle = new Merkle();
        if (!merkle.verifyConsistency(last.treeSize(), checkpoint.treeSize(), last.rootHash(), checkpoint.rootHash(),
                consistencyProof)) {
            return new Refused(checkpoint, Refusal.INCONSISTENT, "checkpoint " + checkpoint.treeSize() + " (root "
                    + Hex.shortHash(checkpoint.rootHash()) + ") does not extend " + lastOne + ": the consistency proof"
                    + " of " + consistencyProof.size() + " hash(es) does not lead from that root to this one, so the"
                    + " leaves " + agency + " signed were changed, removed or reordered");
        }
        long added = checkpoint.treeSize() - last.treeSize();
        if (checkpoint.lastPosition() < last.lastPosition() + added) {
            return new Refused(checkpoint, Refusal.POSITIONS, "checkpoint " + checkpoint.treeSize()
                    + " ends at position " + checkpoint.lastPosition() + ", but " + lastOne + " ended at position "
                    + last.lastPosition() + " and " + added + " leaves were added, each at a later position");
        }
        byte[] signature = Ed25519.sign(key, checkpoint.signedBytes());
        state.write(new CoSignerState.State(last.origin(), agency, checkpoint.treeSize(), checkpoint.rootHash(),
                checkpoint.time(), checkpoint.lastPosition()));
        return new Signed(checkpoint, signature, false, "checkpoint " + checkpoint.treeSize() + " extends "
                + (last.time() == null ? "the empty tree this co-signer started from (first use)" : lastOne)
                + (last.treeSize() == 0 ? "" : ": consistency proof of " + consistencyProof.size() + " hash(es) verified"));
    }
}
