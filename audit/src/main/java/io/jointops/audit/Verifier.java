package io.jointops.audit;

import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Checks a bundle offline against a {@link TrustPolicy} ({@code docs/audit-format.md}, "Verification"): the bundle is
 * of the policy's log, every checkpoint is signed as the policy requires by the keys the policy holds (keys a bundle
 * carries are never read), consecutive checkpoints are consistent, every event's stored content hashes to the content
 * hash the log committed, the log holds those hashes (inclusion or range proof) under the last checkpoint's root, a
 * range holds every event of the range it states, and each aggregate's chain of previous hashes is unbroken. The first
 * fault found is thrown as a {@link VerificationException} naming the event, leaf, position or checkpoint at fault.
 * <p>
 * A hash-only entry (an event the bundle's recipient may not see, format v3, item bundles only) is proven in the log
 * exactly as a full one, from its content hash, and takes its place in the item's history: it counts as the next
 * sequence, and the full event after it must be chained to its content hash. What cannot be checked without the
 * content (which aggregate and sequence the hash is of) is left to that chain ({@code docs/audit-format.md}, "Hash-only
 * entries").
 */
public final class Verifier {

    /** What a bundle that verified proves; {@code agencies} are the trusted agencies that signed the last checkpoint. */
    public record Report(String origin, String scope, long treeSize, String rootHash, String time,
                         List<String> agencies, String policy, int checkpoints, int events, int aggregates,
                         long eventsAfterCheckpoint, int withheld, int personalFields, int erasedFields) {

        /**
         * {@code withheld} of the {@code events} are hash-only: proven in the log, their content not in the bundle.
         * {@code personalFields} of their fields are personal data stored encrypted, {@code erasedFields} of those
         * erased (their key destroyed, docs/privacy.md): proven as stored all the same, never taken for tampering.
         */
        public String summary() {
            return "OK: " + events + " event" + (events == 1 ? "" : "s")
                    + (withheld > 0 ? " (" + withheld + " withheld: content hash only)" : "")
                    + " of " + scope + " (" + aggregates
                    + " aggregate" + (aggregates == 1 ? "" : "s") + ") verified against checkpoint " + treeSize
                    + " of log '" + origin + "' (root " + rootHash + ", " + time + "), signed by "
                    + String.join(", ", agencies) + " (policy: " + policy + "); " + checkpoints + " checkpoint"
                    + (checkpoints == 1 ? "" : "s") + " consistent"
                    + (eventsAfterCheckpoint > 0 ? "; " + eventsAfterCheckpoint
                    + " later event(s) are not covered by a checkpoint yet and were not checked" : "")
                    + (personalFields > 0 ? "; " + personalFields + " personal field" + (personalFields == 1 ? "" : "s")
                    + " encrypted, " + erasedFields + " of them erased (key destroyed)" : "");
        }
    }

    private final TrustPolicy policy;
    private final Merkle merkle = new Merkle();

    /** Verifies against this policy only: its origin, its agencies' keys and the signatures it requires. */
    public Verifier(TrustPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("a verifier needs a trust policy: without one, any key would do");
        }
        this.policy = policy;
    }

    public Report verify(Bundle bundle) throws VerificationException {
        return verify(bundle, bundle.events() == null ? List.<Bundle.Entry>of().iterator() : bundle.events().iterator());
    }

    /**
     * Verifies the header of {@code bundle} (its own event list is ignored) and {@code events} as they stream in, a
     * chunk at a time: only 32 bytes per event are kept, so a bundle of any size verifies in little memory.
     */
    public Report verify(Bundle bundle, Iterator<Bundle.Entry> events) throws VerificationException {
        return verify(bundle, events, event -> { });
    }

    /**
     * As {@link #verify(Bundle, Iterator)}, handing each event whose content is in the bundle to {@code verified} once
     * its chunk verified (its content hash, inclusion and chain checked): what it says may then be relied on, as far
     * as the whole bundle verifies. For the files handed over with a bundle ({@link HandedOverFiles}).
     */
    public Report verify(Bundle bundle, Iterator<Bundle.Entry> events, java.util.function.Consumer<Bundle.Event> verified)
            throws VerificationException {
        if (!Bundle.READABLE_FORMATS.contains(bundle.format())) {
            throw fail("not a bundle of format " + String.join(" or ", new TreeSet<>(Bundle.READABLE_FORMATS))
                    + " (format: " + bundle.format() + ")");
        }
        if (!policy.origin().equals(bundle.origin())) {
            throw fail("the bundle is of log '" + bundle.origin() + "', but the policy trusts log '" + policy.origin()
                    + "' only: checkpoints of another log prove nothing about this one");
        }
        if (bundle.scope() == null || (bundle.scope().itemId() == null
                && (bundle.scope().fromPosition() == null || bundle.scope().toPosition() == null))) {
            throw fail("the bundle states no scope (an item id, or a from and to position)");
        }
        List<Signed> checkpoints = checkpoints(bundle);
        consistency(bundle, checkpoints);
        Signed target = checkpoints.get(checkpoints.size() - 1);
        Events state = new Events(bundle, checkpoints);
        PersonalFields personal = new PersonalFields(bundle.erasedKeys());
        List<Bundle.Entry> chunk = new ArrayList<>(CHUNK);
        while (events.hasNext()) {
            chunk.add(events.next());
            if (chunk.size() == CHUNK || !events.hasNext()) {
                state.check(chunk);
                for (Bundle.Entry entry : chunk) {
                    if (!entry.isHashOnly() && entry.event() != null) {
                        personal.count(entry.event());
                        verified.accept(entry.event());
                    }
                }
                chunk.clear();
            }
        }
        if (state.count == 0) {
            throw fail("the bundle holds no event of " + bundle.scope().describe() + " covered by checkpoint "
                    + target.checkpoint().treeSize());
        }
        String scope = bundle.scope().describe();
        if (!bundle.scope().isItem()) {
            state.rangeEnds();
            state.rangeRoot();
            scope += ", leaves " + state.firstLeaf + ".." + (state.firstLeaf + state.count - 1)
                    + (bundle.scope().toPosition() > target.checkpoint().lastPosition() ? ", up to position "
                    + target.checkpoint().lastPosition() + " where checkpoint " + target.checkpoint().treeSize()
                    + " ends" : "");
        }
        return new Report(policy.origin(), scope, target.checkpoint().treeSize(),
                HexFormat.of().formatHex(target.checkpoint().rootHash()), target.checkpoint().time(), target.signers(),
                policy.describe(), checkpoints.size(), (int) state.count, state.chains.size(),
                bundle.eventsAfterCheckpoint(), state.withheld, personal.fields, personal.erased);
    }

    /**
     * Counts the personal fields of the verified events: each an envelope {@code {"$personal": key id, ...}} in the
     * stored payload, whose ciphertext the content hash covered; erased if the bundle states its key destroyed. What
     * an envelope holds is not read: the verifier has no keys.
     */
    private static final class PersonalFields {
        private static final byte[] MARK = "\"$personal\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        private final java.util.Set<String> erasedKeys;
        int fields;
        int erased;

        PersonalFields(List<String> erasedKeys) {
            this.erasedKeys = erasedKeys == null ? java.util.Set.of() : java.util.Set.copyOf(erasedKeys);
        }

        void count(Bundle.Event event) {
            byte[] payload = event.stored().payload();
            if (payload == null || !contains(payload)) {
                return;
            }
            try {
                for (com.fasterxml.jackson.databind.JsonNode envelope
                        : Bundles.mapper().readTree(payload).findParents("$personal")) {
                    fields++;
                    if (erasedKeys.contains(envelope.path("$personal").asText())) {
                        erased++;
                    }
                }
            } catch (java.io.IOException e) {
                // not JSON: nothing personal to count; its hash was verified as it is
            }
        }

        private static boolean contains(byte[] bytes) {
            outer:
            for (int i = 0; i <= bytes.length - MARK.length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (bytes[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    /** A checkpoint that verified under the policy, and the trusted agencies whose signatures it carries. */
    private record Signed(Checkpoint checkpoint, List<String> signers) {
    }

    private static final int CHUNK = 4096;

    /** The last event seen of an aggregate; {@code withheld}: a hash-only entry, whose sequence is its place. */
    private record Link(long sequence, byte[] hash, long position, boolean withheld) {
    }

    /** What verifying the events keeps between chunks. */
    private final class Events {
        final Bundle bundle;
        final Bundle.Scope scope;
        final Checkpoint target;
        /** The bundle's checkpoints: each signs the position of its last leaf. */
        final List<Checkpoint> anchors = new ArrayList<>();
        final Map<String, Link> chains = new HashMap<>();
        /** Item bundles: the nodes of the target tree proved so far. */
        final InclusionBatch proofs;
        /** Range bundles: the leaf hashes, 32 bytes each, for the root at the end. */
        byte[] leaves = new byte[0];
        long count;
        int withheld;
        /** Item bundles: the last leaf seen; an item's leaves ascend. */
        long lastItemLeaf = -1;
        long firstLeaf = -1;
        long firstPosition;
        long lastPosition = Long.MIN_VALUE;

        Events(Bundle bundle, List<Signed> checkpoints) {
            this.bundle = bundle;
            this.scope = bundle.scope();
            checkpoints.forEach(signed -> anchors.add(signed.checkpoint()));
            this.target = anchors.get(anchors.size() - 1);
            this.proofs = new InclusionBatch(target.treeSize(), target.rootHash());
        }

        void check(List<Bundle.Entry> chunk) throws VerificationException {
            int n = chunk.size();
            byte[][] committed = new byte[n][];
            byte[][] computed = new byte[n][];
            byte[][] leafHashes = new byte[n][];
            precompute(chunk, committed, computed, leafHashes);
            for (int i = 0; i < n; i++) {
                Bundle.Entry entry = chunk.get(i);
                content(entry, committed[i], computed[i]);
                if (!scope.isItem()) {
                    contiguous(entry, count + i);
                }
            }
            if (scope.isItem()) {
                try {
                    inclusion(chunk, leafHashes, proofs, target); // before the chains: a rewritten leaf is named, not its successor
                } catch (ProofStopsShort e) {
                    // a proof leaning on an event left out of the bundle: the chain names the missing sequence better
                    for (int i = 0; i <= e.index; i++) {
                        chain(chunk.get(i), committed[i]);
                    }
                    throw e;
                }
            }
            for (int i = 0; i < n; i++) {
                chain(chunk.get(i), committed[i]);
            }
            count += n;
            if (!scope.isItem()) {
                if (leaves.length < (count * Merkle.HASH_SIZE)) {
                    leaves = java.util.Arrays.copyOf(leaves, (int) Math.max(count * Merkle.HASH_SIZE, 2L * leaves.length));
                }
                long base = count - n;
                for (int i = 0; i < n; i++) {
                    System.arraycopy(leafHashes[i], 0, leaves, (int) ((base + i) * Merkle.HASH_SIZE), Merkle.HASH_SIZE);
                }
            }
        }

        /** The stored event hashes to the committed content hash. */
        private void content(Bundle.Entry entry, byte[] committed, byte[] computed) throws VerificationException {
            if (entry.isHashOnly()) {
                hashOnly(entry, committed);
                return;
            }
            Bundle.Event event = entry.event();
            if (entry.leafIndex() == null) {
                if (event == null) {
                    throw fail("an entry at position " + entry.position() + " has neither a leaf nor an event");
                }
                throw fail("event " + event.eventIdentifier() + " (" + event.aggregateIdentifier() + " sequence "
                        + event.sequenceNumber() + ", position " + entry.position()
                        + ") is not in the signed log: no leaf of checkpoint " + target.treeSize()
                        + " commits to it, though checkpoint " + target.treeSize() + " covers every position up to "
                        + target.lastPosition() + " — it was inserted into the event store after it was notarised");
            }
            long leaf = entry.leafIndex();
            if (leaf < 0 || leaf >= target.treeSize() || entry.position() > target.lastPosition()
                    || committed == null || computed == null) {
                throw entryFault(entry, target);
            }
            if (!MessageDigest.isEqual(computed, committed)) {
                throw mismatch(entry, computed, committed);
            }
            anchored(entry);
            ascending(entry);
        }

        /**
         * A hash-only entry: allowed in item bundles of a format that knows them, carrying nothing but its leaf,
         * position, content hash and proof, its leaf in the checkpoint and its position where the checkpoints allow.
         * Its inclusion is proven with the others' ({@link #inclusion}).
         */
        private void hashOnly(Bundle.Entry entry, byte[] committed) throws VerificationException {
            String where = "the withheld entry at " + (entry.leafIndex() == null ? "" : "leaf " + entry.leafIndex()
                    + ", ") + "position " + entry.position();
            if (!Bundle.withholds(bundle.format())) {
                throw fail(where + " is hash-only, but a bundle of format " + bundle.format() + " withholds nothing"
                        + " (hash-only entries came with " + Bundle.FORMAT + ")");
            }
            if (!scope.isItem()) {
                throw fail(where + " is hash-only, but a range bundle withholds nothing: only an item's bundle may"
                        + " leave out content its recipient may not see");
            }
            if (entry.event() != null || entry.previousHash() != null || entry.committedEventIdentifier() != null) {
                throw fail(where + " is marked withheld but carries " + (entry.event() != null ? "an event"
                        : entry.previousHash() != null ? "a previous hash" : "an event identifier")
                        + ": a hash-only entry has its leaf, position, content hash and inclusion proof, nothing else");
            }
            if (entry.leafIndex() == null) {
                throw fail(where + " has no leaf: no leaf of checkpoint " + target.treeSize() + " commits to it, so it"
                        + " proves nothing (an event stored after it was notarised, which its recipient may not see)");
            }
            long leaf = entry.leafIndex();
            if (leaf < 0 || leaf >= target.treeSize()) {
                throw fail(where + " is not in checkpoint " + target.treeSize() + ", which has leaves 0.."
                        + (target.treeSize() - 1));
            }
            if (entry.position() > target.lastPosition()) {
                throw fail(where + " lies after position " + target.lastPosition() + " where checkpoint "
                        + target.treeSize() + " ends");
            }
            if (committed == null) {
                hash(entry.contentHash(), "the content hash of " + where);
                throw fail("the content hash of " + where + " is missing or malformed");
            }
            anchored(entry);
            ascending(entry);
            withheld++;
        }

        /** An item's entries are in the log's order: each leaf after the one before. */
        private void ascending(Bundle.Entry entry) throws VerificationException {
            if (!scope.isItem()) {
                return;
            }
            if (entry.leafIndex() <= lastItemLeaf) {
                throw fail("leaf " + entry.leafIndex() + " (position " + entry.position() + ") comes after leaf "
                        + lastItemLeaf + " in the bundle: an item's events are listed in the log's order, each once");
            }
            lastItemLeaf = entry.leafIndex();
        }

        /**
         * The tree commits the order of the leaves, not their positions; a checkpoint signs the position of its last
         * leaf. Positions start at 1 and ascend with the leaves, so leaf i lies at position i + 1 or later, and at most
         * at a checkpoint's last position less the leaves that follow it there.
         */
        private void anchored(Bundle.Entry entry) throws VerificationException {
            long leaf = entry.leafIndex();
            long position = entry.position();
            if (position < leaf + 1) {
                throw fail("leaf " + leaf + " is stated at position " + position + ", but positions start at 1 and "
                        + leaf + " leaves come before it, so it lies at position " + (leaf + 1)
                        + " or later: the export's positions were changed");
            }
            for (Checkpoint anchor : anchors) {
                long last = anchor.treeSize() - 1;
                if (leaf == last && position != anchor.lastPosition()) {
                    throw fail("leaf " + leaf + " is stated at position " + position + ", but checkpoint "
                            + anchor.treeSize() + " signs position " + anchor.lastPosition()
                            + " for its last leaf, leaf " + leaf + ": the export's positions were changed");
                }
                if (leaf < last && position > anchor.lastPosition() - (last - leaf)) {
                    throw fail("leaf " + leaf + " is stated at position " + position + ", but checkpoint "
                            + anchor.treeSize() + " signs position " + anchor.lastPosition() + " for leaf " + last
                            + ", so leaf " + leaf + " lies at position " + (anchor.lastPosition() - (last - leaf))
                            + " or before: the export's positions were changed");
                }
            }
        }

        /** A range lists every leaf of its range, in order. */
        private void contiguous(Bundle.Entry entry, long index) throws VerificationException {
            long expected = firstLeaf < 0 ? entry.leafIndex() : firstLeaf + index;
            if (firstLeaf < 0) {
                firstLeaf = entry.leafIndex();
                firstPosition = entry.position();
            }
            if (entry.leafIndex() != expected) {
                throw fail("leaf " + expected + " is missing from the export: after leaf " + (expected - 1)
                        + " comes leaf " + entry.leafIndex() + " (position " + entry.position()
                        + "); a range export lists every leaf of its range");
            }
            if (entry.position() < scope.fromPosition() || entry.position() > scope.toPosition()) {
                throw fail("leaf " + entry.leafIndex() + " at position " + entry.position() + " is outside the range "
                        + scope.fromPosition() + ".." + scope.toPosition());
            }
            if (entry.position() <= lastPosition) {
                throw fail("leaf " + entry.leafIndex() + " at position " + entry.position()
                        + " does not come after position " + lastPosition + " of the leaf before it");
            }
            lastPosition = entry.position();
        }

        /**
         * Each aggregate's events follow each other by sequence, each chained to the one before. A hash-only entry
         * of an item takes the next sequence; the full event after it must name its content hash as previous hash.
         */
        private void chain(Bundle.Entry entry, byte[] hash) throws VerificationException {
            if (entry.isHashOnly()) {
                Link before = chains.get(scope.itemId());
                chains.put(scope.itemId(), new Link(before == null ? 0 : before.sequence() + 1, hash, entry.position(),
                        true));
                return;
            }
            Bundle.Event event = entry.event();
            String aggregate = event.aggregateIdentifier();
            if (scope.isItem() && !scope.itemId().equals(aggregate)) {
                throw fail("event " + event.eventIdentifier() + " at position " + entry.position()
                        + " belongs to " + aggregate + ", not to the exported item " + scope.itemId());
            }
            Link before = chains.put(aggregate, new Link(event.sequenceNumber(), hash, entry.position(), false));
            if (before == null) {
                if (event.sequenceNumber() == 0 && !MessageDigest.isEqual(HexFormat.of().parseHex(entry.previousHash()),
                        ContentHash.GENESIS)) {
                    throw fail(at(entry) + " is the first of its aggregate but is chained to a previous event");
                }
                if (scope.isItem() && event.sequenceNumber() != 0) {
                    throw fail("the history of " + aggregate + " does not start at sequence 0 but at " + at(entry)
                            + ": sequence 0.." + (event.sequenceNumber() - 1) + " were deleted");
                }
                return;
            }
            if (before.withheld() && event.sequenceNumber() != before.sequence() + 1) {
                throw fail(at(entry) + " follows " + (before.sequence() + 1) + " events of " + aggregate + " in the"
                        + " bundle, counting the withheld ones up to position " + before.position() + ", which would"
                        + " make it sequence " + (before.sequence() + 1) + ": " + (event.sequenceNumber() > before.sequence() + 1
                        ? "events of the item were left out before it" : "withheld entries were added before it"));
            }
            if (event.sequenceNumber() <= before.sequence()) {
                throw fail(at(entry) + " comes after sequence " + before.sequence() + " at position "
                        + before.position() + ": the events of " + aggregate + " were reordered");
            }
            if (event.sequenceNumber() != before.sequence() + 1) {
                if (scope.isItem()) {
                    throw fail("the history of " + aggregate + " jumps from sequence " + before.sequence()
                            + " to " + event.sequenceNumber() + " at position " + entry.position()
                            + ": sequence " + (before.sequence() + 1) + " is missing");
                }
                return; // in a range, the events between may be outside it
            }
            if (!MessageDigest.isEqual(HexFormat.of().parseHex(entry.previousHash()), before.hash())) {
                if (before.withheld()) {
                    throw fail("the chain of " + aggregate + " breaks at " + at(entry) + ": its previous hash is not"
                            + " the content hash of the withheld entry before it (position " + before.position()
                            + "), so that entry is not sequence " + before.sequence() + " of " + aggregate
                            + ": the withheld entry was replaced by another event's hash");
                }
                throw fail("the chain of " + aggregate + " breaks at " + at(entry)
                        + ": its previous hash is not the content hash of sequence " + before.sequence());
            }
        }

        /**
         * A range holds every leaf of the range it states: its first event is at the range's first position unless
         * it is the log's first leaf, and its last at the range's last position unless the range reaches past the
         * last checkpoint, whose last leaf it must then end with (that leaf's position is signed). Positions between
         * are not signed, so a range whose end falls on an empty position (a rolled-back insert) cannot show that
         * nothing was cut off there: it fails too, and says so.
         */
        void rangeEnds() throws VerificationException {
            long lastLeaf = firstLeaf + count - 1;
            String claims = "the bundle claims positions " + scope.fromPosition() + ".." + scope.toPosition();
            if (firstLeaf > 0 && firstPosition != scope.fromPosition()) {
                throw fail(claims + ", but its first event, leaf " + firstLeaf + ", is at position " + firstPosition
                        + ": the leaves before it were cut off from the start of the range, or position"
                        + (firstPosition - scope.fromPosition() > 1 ? "s " + scope.fromPosition() + ".."
                        + (firstPosition - 1) + " hold" : " " + scope.fromPosition() + " holds")
                        + " no event; the log signs no positions, so the bundle cannot show which (a range that"
                        + " starts at an event's position can)");
            }
            if (scope.toPosition() >= target.lastPosition()) {
                if (lastLeaf != target.treeSize() - 1) {
                    throw fail(claims + ", which reach the end of checkpoint " + target.treeSize() + " (position "
                            + target.lastPosition() + ", leaf " + (target.treeSize() - 1) + "), but its last event is"
                            + " leaf " + lastLeaf + " at position " + lastPosition + ": leaves " + (lastLeaf + 1)
                            + ".." + (target.treeSize() - 1) + " were cut off from the end of the range");
                }
            } else if (lastPosition != scope.toPosition()) {
                throw fail(claims + ", but its last event, leaf " + lastLeaf + ", is at position " + lastPosition
                        + ": the leaves after it were cut off from the end of the range, or position"
                        + (scope.toPosition() - lastPosition > 1 ? "s " + (lastPosition + 1) + ".."
                        + scope.toPosition() + " hold" : " " + scope.toPosition() + " holds")
                        + " no event; the log signs no positions, so the bundle cannot show which (a range that"
                        + " ends at an event's position can)");
            }
        }

        void rangeRoot() throws VerificationException {
            if (bundle.rangeProof() == null) {
                throw fail("the range export has no range proof");
            }
            byte[][] leafHashes = new byte[(int) count][];
            for (int i = 0; i < count; i++) {
                leafHashes[i] = java.util.Arrays.copyOfRange(leaves, i * Merkle.HASH_SIZE, (i + 1) * Merkle.HASH_SIZE);
            }
            byte[] root = merkle.rootFromRangeProof(firstLeaf, leafHashes, target.treeSize(),
                    hashes(bundle.rangeProof(), "the range proof"));
            if (root == null || !MessageDigest.isEqual(root, target.rootHash())) {
                throw fail("leaves " + firstLeaf + ".." + (firstLeaf + count - 1)
                        + " and the range proof do not lead to the root of checkpoint " + target.treeSize()
                        + ": the log's record of these events was rewritten");
            }
        }
    }

    /**
     * Every checkpoint: ascending; it names only agencies the policy trusts; every signature it carries is of one of
     * them and verifies with the policy's key; and the agencies the policy requires (all, or a quorum) have signed.
     */
    private List<Signed> checkpoints(Bundle bundle) throws VerificationException {
        if (bundle.checkpoints() == null || bundle.checkpoints().isEmpty()) {
            throw fail("the bundle holds no checkpoint");
        }
        List<Signed> checkpoints = new ArrayList<>();
        for (Bundle.SignedCheckpoint signed : bundle.checkpoints()) {
            Checkpoint checkpoint;
            try {
                checkpoint = signed.checkpoint(policy.origin());
            } catch (IllegalArgumentException e) {
                throw fail("checkpoint " + signed.treeSize() + " is malformed: " + e.getMessage());
            }
            String name = "checkpoint " + checkpoint.treeSize();
            if (!checkpoints.isEmpty()) {
                Checkpoint previous = checkpoints.get(checkpoints.size() - 1).checkpoint();
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
            for (String agency : checkpoint.agencies()) {
                if (!policy.agencies().containsKey(agency)) {
                    throw fail(name + " lists agency " + agency + ", which the policy does not trust (it trusts "
                            + String.join(", ", policy.agencies().keySet()) + "): a checkpoint naming an unknown"
                            + " signer is refused, and a key a bundle carries is never trusted");
                }
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
            List<String> signers = new ArrayList<>();
            for (String agency : checkpoint.agencies()) {
                Checkpoint.Signature signature = signatures.get(agency);
                if (signature == null) {
                    continue; // whether it had to sign is the policy's to say, below
                }
                PublicKey key = policy.agencies().get(agency);
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(signature.signature());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw fail(name + ": the signature of " + agency + " is not base64");
                }
                if (!Ed25519.verify(key, body, bytes)) {
                    String trusted = Ed25519.keyId(key);
                    if (signature.keyId() != null && !signature.keyId().equals(trusted)) {
                        throw fail(name + ": the signature of " + agency + " names key " + signature.keyId()
                                + " and does not verify with the key the policy trusts for " + agency + " (key "
                                + trusted + "): the checkpoint was signed with another key");
                    }
                    throw fail(name + ": the signature of " + agency + " (key " + trusted
                            + ") does not verify: its size, root hash, time, last position, agencies or origin are not"
                            + " what " + agency + " signed (root " + HexFormat.of().formatHex(checkpoint.rootHash()) + ", time "
                            + checkpoint.time() + ", last position " + checkpoint.lastPosition() + ", origin "
                            + policy.origin() + ")");
                }
                signers.add(agency);
            }
            if (policy.requiresAll()) {
                for (String agency : policy.agencies().keySet()) {
                    if (!signers.contains(agency)) {
                        throw fail(name + " is not signed by " + agency + ", whose signature the policy requires ("
                                + policy.describe() + ")" + (checkpoint.agencies().contains(agency) ? ""
                                : "; the checkpoint lists only " + String.join(", ", checkpoint.agencies())));
                    }
                }
            } else if (signers.size() < policy.required()) {
                throw fail(name + " is signed by " + signers.size() + " trusted agenc" + (signers.size() == 1 ? "y"
                        : "ies") + (signers.isEmpty() ? "" : " (" + String.join(", ", signers) + ")")
                        + ", but the policy requires " + policy.describe());
            }
            checkpoints.add(new Signed(checkpoint, List.copyOf(signers)));
        }
        return checkpoints;
    }

    private void consistency(Bundle bundle, List<Signed> checkpoints) throws VerificationException {
        Map<Long, Bundle.ConsistencyProof> proofs = new HashMap<>();
        for (Bundle.ConsistencyProof proof : bundle.consistencyProofs() == null
                ? List.<Bundle.ConsistencyProof>of() : bundle.consistencyProofs()) {
            proofs.put(proof.fromSize(), proof);
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint first = checkpoints.get(i - 1).checkpoint();
            Checkpoint second = checkpoints.get(i).checkpoint();
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

    /**
     * Decodes the committed hashes, computes the content hashes and the leaf hashes of the well-formed entries of a
     * chunk on all cores: the events are independent once each states its previous hash. Faulty entries stay null
     * and are looked at in order.
     */
    private static void precompute(List<Bundle.Entry> events, byte[][] committed, byte[][] computed, byte[][] leaves) {
        ThreadLocal<ContentHash> hashers = ThreadLocal.withInitial(ContentHash::new);
        ThreadLocal<Merkle> merkles = ThreadLocal.withInitial(Merkle::new);
        IntStream.range(0, events.size()).parallel().forEach(i -> {
            Bundle.Entry entry = events.get(i);
            if (entry.isHashOnly()) {
                if (isHash(entry.contentHash())) {
                    try {
                        committed[i] = HexFormat.of().parseHex(entry.contentHash());
                        leaves[i] = merkles.get().leafHash(committed[i]);
                    } catch (IllegalArgumentException e) {
                        committed[i] = null; // not hex: reported in order
                    }
                }
            } else if (entry.event() != null && isHash(entry.previousHash()) && isHash(entry.contentHash())) {
                try {
                    byte[] hash = HexFormat.of().parseHex(entry.contentHash());
                    computed[i] = hashers.get().of(entry.event().stored(), HexFormat.of().parseHex(entry.previousHash()));
                    committed[i] = hash;
                    leaves[i] = merkles.get().leafHash(hash);
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
                + HexFormat.of().formatHex(computed) + ", the log holds " + HexFormat.of().formatHex(committed)
                + " — its payload, metadata, type, revision, time stamp, identifiers or sequence were changed");
    }

    /** An inclusion proof that reaches neither the root nor a node proved by an earlier event of the bundle. */
    private static final class ProofStopsShort extends VerificationException {
        final int index;

        ProofStopsShort(int index, String message) {
            super(message);
            this.index = index;
        }
    }

    private static String where(Bundle.Entry entry) {
        return "leaf " + entry.leafIndex() + " (position " + entry.position()
                + (entry.committedEventIdentifier() != null ? ", event " + entry.committedEventIdentifier() : "") + ")";
    }

    private static void inclusion(List<Bundle.Entry> events, byte[][] leafHashes, InclusionBatch batch, Checkpoint target)
            throws VerificationException {
        // an item's proofs share their upper nodes: the batch hashes each node once and compares the rest
        int failed = -1;
        int outcome = 0;
        for (int i = 0; i < events.size() && failed < 0; i++) {
            outcome = proves(events.get(i), leafHashes[i], batch);
            if (outcome < 0) {
                failed = i;
            }
        }
        if (failed < 0) {
            return;
        }
        Bundle.Entry entry = events.get(failed);
        if (entry.inclusionProof() == null) {
            throw fail("leaf " + entry.leafIndex() + " (position " + entry.position() + ") has no inclusion proof");
        }
        hashes(entry.inclusionProof(), "the inclusion proof of leaf " + entry.leafIndex());
        if (outcome == InclusionBatch.STOPS_SHORT) {
            throw new ProofStopsShort(failed, named(entry) + " at leaf " + entry.leafIndex() + " (position "
                    + entry.position() + "): its inclusion proof stops before the root of checkpoint "
                    + target.treeSize() + ", at a node no earlier event of the bundle proves: an event before it was"
                    + " left out of the bundle, or the proof was cut");
        }
        throw fail(named(entry) + " at leaf " + entry.leafIndex() + " (position "
                + entry.position() + "): its inclusion proof does not lead to the root of checkpoint "
                + target.treeSize() + (entry.isHashOnly() ? ": the log holds no such content hash at this leaf (the"
                + " withheld entry's hash, leaf or proof was changed)" : ": the log's record of this event was rewritten"));
    }

    /** What {@link InclusionBatch#check} says of the entry's proof; -1 also when it is missing or not hex. */
    private static int proves(Bundle.Entry entry, byte[] leafHash, InclusionBatch batch) {
        if (entry.inclusionProof() == null || leafHash == null) {
            return -1;
        }
        List<byte[]> path = new ArrayList<>(entry.inclusionProof().size());
        for (String hex : entry.inclusionProof()) {
            if (!isHash(hex)) {
                return -1;
            }
            try {
                path.add(HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
        return batch.check(entry.leafIndex(), leafHash, path);
    }

    private static String named(Bundle.Entry entry) {
        return entry.isHashOnly() ? "withheld event " + (entry.contentHash() == null ? "" : entry.contentHash()
                .substring(0, Math.min(16, entry.contentHash().length())))
                : "event " + entry.event().eventIdentifier();
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
}
