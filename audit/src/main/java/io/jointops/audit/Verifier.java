package io.jointops.audit;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Checks a bundle offline with only the agencies' public keys ({@code docs/audit-format.md}, "Verification"): every
 * checkpoint is signed by every agency it lists, consecutive checkpoints are consistent, every event's stored content
 * hashes to the content hash the log committed, the log holds those hashes (inclusion or range proof) under the last
 * checkpoint's root, and each aggregate's chain of previous hashes is unbroken. The first fault found is thrown as a
 * {@link VerificationException} naming the event, leaf, position or checkpoint at fault.
 */
public final class Verifier {

    /** What a bundle that verified proves. */
    public record Report(String origin, String scope, long treeSize, String rootHash, String time,
                         List<String> agencies, int checkpoints, int events, int aggregates,
                         long eventsAfterCheckpoint) {

        public String summary() {
            return "OK: " + events + " event" + (events == 1 ? "" : "s") + " of " + scope + " (" + aggregates
                    + " aggregate" + (aggregates == 1 ? "" : "s") + ") verified against checkpoint " + treeSize
                    + " of log '" + origin + "' (root " + rootHash + ", " + time + "), signed by "
                    + String.join(", ", agencies) + "; " + checkpoints + " checkpoint" + (checkpoints == 1 ? "" : "s")
                    + " consistent"
                    + (eventsAfterCheckpoint > 0 ? "; " + eventsAfterCheckpoint
                    + " later event(s) are not covered by a checkpoint yet and were not checked" : "");
        }
    }

    private final Map<String, PublicKey> trustedKeys;
    private final Merkle merkle = new Merkle();

    /** Verifies against the public keys a bundle carries (print their ids and compare them out of band). */
    public Verifier() {
        this(Map.of());
    }

    /** Verifies against these keys: a bundle whose keys differ fails. */
    public Verifier(Map<String, PublicKey> trustedKeys) {
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    public Report verify(Bundle bundle) throws VerificationException {
        if (!Bundle.FORMAT.equals(bundle.format())) {
            throw fail("not a bundle of format " + Bundle.FORMAT + " (format: " + bundle.format() + ")");
        }
        if (bundle.scope() == null || (bundle.scope().itemId() == null
                && (bundle.scope().fromPosition() == null || bundle.scope().toPosition() == null))) {
            throw fail("the bundle states no scope (an item id, or a from and to position)");
        }
        Map<String, PublicKey> keys = keys(bundle);
        List<Checkpoint> checkpoints = checkpoints(bundle, keys);
        consistency(bundle, checkpoints);
        Checkpoint target = checkpoints.get(checkpoints.size() - 1);
        List<Bundle.Entry> events = bundle.events() == null ? List.of() : bundle.events();
        if (events.isEmpty()) {
            throw fail("the bundle holds no event of " + bundle.scope().describe() + " covered by checkpoint "
                    + target.treeSize());
        }
        byte[][] hashes = contents(bundle, events, target);
        if (bundle.scope().isItem()) {
            inclusion(events, hashes, target);
        } else {
            range(bundle, events, hashes, target);
        }
        int aggregates = chains(bundle.scope(), events, hashes);
        return new Report(bundle.origin(), bundle.scope().describe(), target.treeSize(), Hex.encode(target.rootHash()),
                target.time(), target.agencies(), checkpoints.size(), events.size(), aggregates,
                bundle.eventsAfterCheckpoint());
    }

    private Map<String, PublicKey> keys(Bundle bundle) throws VerificationException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (Bundle.AgencyKey key : bundle.keys() == null ? List.<Bundle.AgencyKey>of() : bundle.keys()) {
            PublicKey publicKey;
            try {
                publicKey = Ed25519.publicKey(key.publicKey());
            } catch (IllegalArgumentException e) {
                throw fail("the public key of agency " + key.agency() + " is unusable: " + e.getMessage());
            }
            if (key.keyId() != null && !key.keyId().equals(Ed25519.keyId(publicKey))) {
                throw fail("the public key of agency " + key.agency() + " has id " + Ed25519.keyId(publicKey)
                        + ", not the stated " + key.keyId());
            }
            if (keys.put(key.agency(), publicKey) != null) {
                throw fail("the bundle carries two public keys for agency " + key.agency());
            }
            PublicKey trusted = trustedKeys.get(key.agency());
            if (!trustedKeys.isEmpty() && trusted != null
                    && !MessageDigest.isEqual(trusted.getEncoded(), publicKey.getEncoded())) {
                throw fail("the bundle's public key of agency " + key.agency() + " (id " + Ed25519.keyId(publicKey)
                        + ") is not the trusted one (id " + Ed25519.keyId(trusted) + ")");
            }
        }
        if (!trustedKeys.isEmpty()) {
            keys.putAll(trustedKeys); // the trusted keys decide
        }
        return keys;
    }

    private List<Checkpoint> checkpoints(Bundle bundle, Map<String, PublicKey> keys) throws VerificationException {
        if (bundle.checkpoints() == null || bundle.checkpoints().isEmpty()) {
            throw fail("the bundle holds no checkpoint");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Bundle.SignedCheckpoint signed : bundle.checkpoints()) {
            Checkpoint checkpoint;
            try {
                checkpoint = signed.checkpoint(bundle.origin());
            } catch (IllegalArgumentException e) {
                throw fail("checkpoint " + signed.treeSize() + " is malformed: " + e.getMessage());
            }
            String name = "checkpoint " + checkpoint.treeSize();
            if (!checkpoints.isEmpty()) {
                Checkpoint previous = checkpoints.get(checkpoints.size() - 1);
                if (checkpoint.treeSize() <= previous.treeSize()) {
                    throw fail(name + " follows checkpoint " + previous.treeSize() + ": checkpoints must ascend by size");
                }
                if (checkpoint.lastPosition() <= previous.lastPosition()) {
                    throw fail(name + " ends at position " + checkpoint.lastPosition() + ", not after position "
                            + previous.lastPosition() + " where the smaller checkpoint " + previous.treeSize() + " ends");
                }
            }
            if (checkpoint.agencies().isEmpty()) {
                throw fail(name + " lists no agency: an unsigned checkpoint proves nothing");
            }
            Map<String, Checkpoint.Signature> signatures = new LinkedHashMap<>();
            for (Checkpoint.Signature signature : signed.signatures() == null
                    ? List.<Checkpoint.Signature>of() : signed.signatures()) {
                if (!checkpoint.agencies().contains(signature.agency())) {
                    throw fail(name + " carries a signature of " + signature.agency()
                            + ", which is not among its agencies " + checkpoint.agencies());
                }
                if (signatures.put(signature.agency(), signature) != null) {
                    throw fail(name + " carries two signatures of " + signature.agency());
                }
            }
            byte[] body = checkpoint.signedBytes();
            for (String agency : checkpoint.agencies()) {
                Checkpoint.Signature signature = signatures.get(agency);
                if (signature == null) {
                    throw fail(name + " is not complete: agency " + agency + " has not signed it");
                }
                PublicKey key = keys.get(agency);
                if (key == null) {
                    throw fail(name + " is signed by " + agency + ", but no public key of " + agency + " is given");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(signature.signature());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw fail(name + ": the signature of " + agency + " is not base64");
                }
                if (!Ed25519.verify(key, body, bytes)) {
                    throw fail(name + ": the signature of " + agency + " (key " + Ed25519.keyId(key)
                            + ") does not verify: its size, root hash, time, last position or agencies are not what "
                            + agency + " signed (root " + Hex.encode(checkpoint.rootHash()) + ", time "
                            + checkpoint.time() + ", last position " + checkpoint.lastPosition() + ")");
                }
            }
            checkpoints.add(checkpoint);
        }
        return checkpoints;
    }

    private void consistency(Bundle bundle, List<Checkpoint> checkpoints) throws VerificationException {
        Map<Long, Bundle.ConsistencyProof> proofs = new HashMap<>();
        for (Bundle.ConsistencyProof proof : bundle.consistencyProofs() == null
                ? List.<Bundle.ConsistencyProof>of() : bundle.consistencyProofs()) {
            proofs.put(proof.fromSize(), proof);
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint first = checkpoints.get(i - 1);
            Checkpoint second = checkpoints.get(i);
            Bundle.ConsistencyProof proof = proofs.get(first.treeSize());
            if (proof == null || proof.toSize() != second.treeSize()) {
                throw fail("no consistency proof from checkpoint " + first.treeSize() + " to checkpoint "
                        + second.treeSize());
            }
            List<byte[]> path = hashes(proof.proof(), "consistency proof " + first.treeSize() + "-" + second.treeSize());
            if (!merkle.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(), path)) {
                throw fail("checkpoint " + second.treeSize() + " does not extend checkpoint " + first.treeSize()
                        + ": the consistency proof fails, so the log of " + first.treeSize()
                        + " events was rewritten rather than appended to");
            }
        }
    }

    /** Checks each event's stored content against its committed hash; returns the committed hashes. */
    private byte[][] contents(Bundle bundle, List<Bundle.Entry> events, Checkpoint target) throws VerificationException {
        byte[][] hashes = new byte[events.size()][];
        byte[][] committedHashes = new byte[events.size()][];
        byte[][] contentHashes = new byte[events.size()][];
        precompute(events, committedHashes, contentHashes);
        Map<String, Long> leafOfEvent = new HashMap<>(2 * events.size());
        for (int i = 0; i < events.size(); i++) {
            Bundle.Entry entry = events.get(i);
            Bundle.Event event = entry.event();
            if (entry.leafIndex() == null) {
                if (event == null) {
                    throw fail("entry " + i + " (position " + entry.position() + ") has neither a leaf nor an event");
                }
                throw fail("event " + event.eventIdentifier() + " (" + event.aggregateIdentifier() + " sequence "
                        + event.sequenceNumber() + ", position " + entry.position()
                        + ") is not in the signed log: no leaf of checkpoint " + target.treeSize()
                        + " commits to it, though checkpoint " + target.treeSize() + " covers every position up to "
                        + target.lastPosition() + " — it was inserted into the event store after it was notarised");
            }
            long leaf = entry.leafIndex();
            if (leaf < 0 || leaf >= target.treeSize() || entry.position() > target.lastPosition()
                    || event == null || !isHash(entry.contentHash()) || !isHash(entry.previousHash())) {
                throw entryFault(entry, target);
            }
            byte[] committed = committedHashes[i];
            byte[] computed = contentHashes[i];
            if (committed == null || computed == null) {
                throw entryFault(entry, target);
            }
            if (!MessageDigest.isEqual(computed, committed)) {
                throw mismatch(entry, computed, committed);
            }
            Long other = leafOfEvent.put(event.eventIdentifier(), leaf);
            if (other != null) {
                throw fail("event " + event.eventIdentifier() + " appears at leaves " + other + " and " + leaf);
            }
            hashes[i] = committed;
        }
        return hashes;
    }

    /**
     * Decodes the committed hashes and computes the content hashes of the well-formed entries on all cores: the events
     * are independent once each states its previous hash. Faulty entries stay null and are looked at one by one.
     */
    private static void precompute(List<Bundle.Entry> events, byte[][] committed, byte[][] computed) {
        ThreadLocal<ContentHash> hashers = ThreadLocal.withInitial(ContentHash::new);
        IntStream.range(0, events.size()).parallel().forEach(i -> {
            Bundle.Entry entry = events.get(i);
            if (entry.event() != null && isHash(entry.previousHash()) && isHash(entry.contentHash())) {
                try {
                    committed[i] = Hex.decode(entry.contentHash());
                    computed[i] = hashers.get().of(entry.event().stored(), Hex.decode(entry.previousHash()));
                } catch (IllegalArgumentException e) {
                    committed[i] = null; // not hex or not base64: reported in order
                    computed[i] = null;
                }
            }
        });
    }

    private static boolean isHash(String hex) {
        return hex != null && hex.length() == 2 * Merkle.HASH_SIZE;
    }

    /** Names what is wrong with an entry that has a leaf (only called when something is). */
    private static VerificationException entryFault(Bundle.Entry entry, Checkpoint target) throws VerificationException {
        long leaf = entry.leafIndex();
        String where = where(entry);
        if (leaf < 0 || leaf >= target.treeSize()) {
            return fail(where + " is not in checkpoint " + target.treeSize() + ", which has leaves 0.."
                    + (target.treeSize() - 1));
        }
        if (entry.position() > target.lastPosition()) {
            return fail(where + " lies after position " + target.lastPosition() + " where checkpoint "
                    + target.treeSize() + " ends");
        }
        hash(entry.contentHash(), "the content hash of " + where);
        hash(entry.previousHash(), "the previous hash of " + where);
        if (entry.event() != null) {
            try {
                entry.event().stored();
            } catch (IllegalArgumentException e) {
                return fail("the payload or metadata of " + where + " is not base64: " + e.getMessage());
            }
        }
        return fail(where + " is committed by checkpoint " + target.treeSize()
                + ", but the export has no such event: it was deleted from the event store");
    }

    private static VerificationException mismatch(Bundle.Entry entry, byte[] computed, byte[] committed) {
        Bundle.Event event = entry.event();
        String where = where(entry);
        String stored = "event " + event.eventIdentifier() + " (" + event.aggregateIdentifier() + " sequence "
                + event.sequenceNumber() + ")";
        if (entry.committedEventIdentifier() != null
                && !entry.committedEventIdentifier().equals(event.eventIdentifier())) {
            return fail(where + ": the log committed event " + entry.committedEventIdentifier()
                    + " at this position, but the event store holds " + stored
                    + " there: events were moved or swapped");
        }
        return fail(stored + " at " + where + " does not match the content hash the log committed: it hashes to "
                + Hex.encode(computed) + ", the log holds " + Hex.encode(committed)
                + " — its payload, metadata, type, revision, time stamp, identifiers or sequence were changed");
    }

    private static String where(Bundle.Entry entry) {
        return "leaf " + entry.leafIndex() + " (position " + entry.position()
                + (entry.committedEventIdentifier() != null ? ", event " + entry.committedEventIdentifier() : "") + ")";
    }

    private void inclusion(List<Bundle.Entry> events, byte[][] hashes, Checkpoint target) throws VerificationException {
        // each proof is independent: check them on all cores, then report the first that fails
        ThreadLocal<Merkle> merkles = ThreadLocal.withInitial(Merkle::new);
        int failed = IntStream.range(0, events.size()).parallel().filter(i -> {
            Bundle.Entry entry = events.get(i);
            if (entry.inclusionProof() == null) {
                return true;
            }
            List<byte[]> path = new ArrayList<>(entry.inclusionProof().size());
            for (String hex : entry.inclusionProof()) {
                if (!isHash(hex)) {
                    return true;
                }
                try {
                    path.add(Hex.decode(hex));
                } catch (IllegalArgumentException e) {
                    return true;
                }
            }
            Merkle merkle = merkles.get();
            return !merkle.verifyInclusion(entry.leafIndex(), target.treeSize(), merkle.leafHash(hashes[i]), path,
                    target.rootHash());
        }).min().orElse(-1);
        if (failed < 0) {
            return;
        }
        Bundle.Entry entry = events.get(failed);
        if (entry.inclusionProof() == null) {
            throw fail("leaf " + entry.leafIndex() + " (position " + entry.position() + ") has no inclusion proof");
        }
        hashes(entry.inclusionProof(), "the inclusion proof of leaf " + entry.leafIndex());
        throw fail("event " + entry.event().eventIdentifier() + " at leaf " + entry.leafIndex() + " (position "
                + entry.position() + "): its inclusion proof does not lead to the root of checkpoint "
                + target.treeSize() + ": the log's record of this event was rewritten");
    }

    private void range(Bundle bundle, List<Bundle.Entry> events, byte[][] hashes, Checkpoint target)
            throws VerificationException {
        long first = events.get(0).leafIndex();
        byte[][] leaves = new byte[events.size()][];
        for (int i = 0; i < events.size(); i++) {
            Bundle.Entry entry = events.get(i);
            if (entry.leafIndex() != first + i) {
                throw fail("leaf " + (first + i) + " is missing from the export: after leaf " + (first + i - 1)
                        + " comes leaf " + entry.leafIndex() + " (position " + entry.position()
                        + "); a range export lists every leaf of its range");
            }
            if (entry.position() < bundle.scope().fromPosition() || entry.position() > bundle.scope().toPosition()) {
                throw fail("leaf " + entry.leafIndex() + " at position " + entry.position() + " is outside the range "
                        + bundle.scope().fromPosition() + ".." + bundle.scope().toPosition());
            }
            if (i > 0 && entry.position() <= events.get(i - 1).position()) {
                throw fail("leaf " + entry.leafIndex() + " at position " + entry.position()
                        + " does not come after position " + events.get(i - 1).position() + " of the leaf before it");
            }
        }
        ThreadLocal<Merkle> merkles = ThreadLocal.withInitial(Merkle::new);
        IntStream.range(0, events.size()).parallel().forEach(i -> leaves[i] = merkles.get().leafHash(hashes[i]));
        if (bundle.rangeProof() == null) {
            throw fail("the range export has no range proof");
        }
        byte[] root = merkle.rootFromRangeProof(first, leaves, target.treeSize(),
                hashes(bundle.rangeProof(), "the range proof"));
        if (root == null || !MessageDigest.isEqual(root, target.rootHash())) {
            throw fail("leaves " + first + ".." + (first + events.size() - 1)
                    + " and the range proof do not lead to the root of checkpoint " + target.treeSize()
                    + ": the log's record of these events was rewritten");
        }
    }

    /** Each aggregate's events follow each other by sequence, each chained to the one before; returns their count. */
    private int chains(Bundle.Scope scope, List<Bundle.Entry> events, byte[][] hashes) throws VerificationException {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Bundle.Event event = events.get(i).event();
            String aggregate = event.aggregateIdentifier();
            if (scope.isItem() && !scope.itemId().equals(aggregate)) {
                throw fail("event " + event.eventIdentifier() + " at position " + events.get(i).position()
                        + " belongs to " + aggregate + ", not to the exported item " + scope.itemId());
            }
            Integer before = last.put(aggregate, i);
            if (before == null) {
                String at = at(events.get(i));
                if (event.sequenceNumber() == 0 && !MessageDigest.isEqual(hash(events.get(i).previousHash(), at),
                        ContentHash.GENESIS)) {
                    throw fail(at + " is the first of its aggregate but is chained to a previous event");
                }
                if (scope.isItem() && event.sequenceNumber() != 0) {
                    throw fail("the history of " + aggregate + " does not start at sequence 0 but at " + at
                            + ": sequence 0.." + (event.sequenceNumber() - 1) + " were deleted");
                }
                continue;
            }
            Bundle.Event previous = events.get(before).event();
            String at = null;
            if (event.sequenceNumber() != previous.sequenceNumber() + 1) {
                at = at(events.get(i));
            }
            if (event.sequenceNumber() <= previous.sequenceNumber()) {
                throw fail(at + " comes after sequence " + previous.sequenceNumber() + " at position "
                        + events.get(before).position() + ": the events of " + aggregate + " were reordered");
            }
            if (event.sequenceNumber() != previous.sequenceNumber() + 1) {
                if (scope.isItem()) {
                    throw fail("the history of " + aggregate + " jumps from sequence " + previous.sequenceNumber()
                            + " to " + event.sequenceNumber() + " at position " + events.get(i).position()
                            + ": sequence " + (previous.sequenceNumber() + 1) + " is missing");
                }
                continue; // in a range, the events between may be outside it
            }
            if (!MessageDigest.isEqual(Hex.decode(events.get(i).previousHash()), hashes[before])) {
                throw fail("the chain of " + aggregate + " breaks at " + at(events.get(i))
                        + ": its previous hash is not the content hash of sequence " + previous.sequenceNumber());
            }
        }
        return last.size();
    }

    private static String at(Bundle.Entry entry) {
        Bundle.Event event = entry.event();
        return event.aggregateIdentifier() + " sequence " + event.sequenceNumber() + " (event "
                + event.eventIdentifier() + ", position " + entry.position() + ")";
    }

    private static List<byte[]> hashes(List<String> hex, String what) throws VerificationException {
        if (hex == null) {
            throw fail(what + " is missing");
        }
        List<byte[]> hashes = new ArrayList<>(hex.size());
        for (int i = 0; i < hex.size(); i++) {
            hashes.add(hash(hex.get(i), what + ", element " + i));
        }
        return hashes;
    }

    private static byte[] hash(String hex, String what) throws VerificationException {
        try {
            return Hex.hash(hex, what);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private static VerificationException fail(String message) {
        return new VerificationException(message);
    }

    /** Agencies named in a set of checkpoints; used by the CLI to print the keys it relied on. */
    static Set<String> agencies(Bundle bundle) {
        Set<String> agencies = new TreeSet<>();
        for (Bundle.SignedCheckpoint checkpoint : bundle.checkpoints()) {
            agencies.addAll(checkpoint.agencies());
        }
        return agencies;
    }
}
