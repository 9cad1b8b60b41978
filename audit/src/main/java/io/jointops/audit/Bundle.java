package io.jointops.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.HexFormat;
import java.util.Base64;
import java.util.List;

/**
 * An export of the log for offline verification ({@code docs/audit-format.md}, "Bundle"): the events of one item or of
 * a range of global positions, their committed content hashes, the proofs that the log holds them, the checkpoints
 * and the agencies' public keys (for reference only: the verifier takes keys from its {@link TrustPolicy}, never from
 * a bundle).
 *
 * @param checkpoints          ascending by tree size; the events are proven against the last, and each is proven
 *                             consistent with the next by {@code consistencyProofs}
 * @param events               ascending by global position
 * @param rangeProof           for a range: the hashes beside the run of leaves (see {@link Merkle#rootFromRangeProof});
 *                             null for an item, whose events carry inclusion proofs
 * @param eventsAfterCheckpoint events in scope stored after the last checkpoint's last position: not covered yet
 * @param erasedKeys           the keys of personal fields in the events that were destroyed when the bundle was made
 *                             (crypto-shredding, docs/privacy.md): those fields are erased, their ciphertext still
 *                             hashed and proven as stored; the exporter's statement, not signed; null if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bundle(String format, String origin, Scope scope, List<AgencyKey> keys,
                     List<SignedCheckpoint> checkpoints, List<ConsistencyProof> consistencyProofs,
                     List<String> rangeProof, long eventsAfterCheckpoint, List<Entry> events,
                     List<String> erasedKeys) {

    /** A bundle that states no erased keys. */
    public Bundle(String format, String origin, Scope scope, List<AgencyKey> keys,
                  List<SignedCheckpoint> checkpoints, List<ConsistencyProof> consistencyProofs,
                  List<String> rangeProof, long eventsAfterCheckpoint, List<Entry> events) {
        this(format, origin, scope, keys, checkpoints, consistencyProofs, rangeProof, eventsAfterCheckpoint, events,
                null);
    }

    /** The same header stating {@code erased} as the destroyed keys (none: null). */
    public Bundle withErasedKeys(List<String> erased) {
        return new Bundle(format, origin, scope, keys, checkpoints, consistencyProofs, rangeProof,
                eventsAfterCheckpoint, events, erased == null || erased.isEmpty() ? null : List.copyOf(erased));
    }

    public static final String FORMAT = "jointops-audit-bundle/v3";
    /**
     * v1: every inclusion proof of an item bundle is a full audit path; v2 proofs stop at a node already proved; v3 item
     * bundles may hold hash-only entries ({@link Entry#withheld}), which v1 and v2 bundles never do.
     */
    public static final java.util.Set<String> READABLE_FORMATS = java.util.Set.of("jointops-audit-bundle/v1",
            "jointops-audit-bundle/v2", FORMAT);

    /** Whether bundles of {@code format} may hold hash-only entries. */
    public static boolean withholds(String format) {
        return FORMAT.equals(format);
    }

    /** What was exported: an item (its aggregate id), or the events at global positions from..to inclusive. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scope(String itemId, Long fromPosition, Long toPosition) {

        public static Scope item(String itemId) {
            return new Scope(itemId, null, null);
        }

        public static Scope range(long fromPosition, long toPosition) {
            return new Scope(null, fromPosition, toPosition);
        }

        @JsonIgnore
        public boolean isItem() {
            return itemId != null;
        }

        public String describe() {
            return isItem() ? "item " + itemId : "positions " + fromPosition + ".." + toPosition;
        }
    }

    /** An agency's Ed25519 public key: base64 of the X.509 DER encoding. */
    public record AgencyKey(String agency, String keyId, String publicKey) {
    }

    /** A checkpoint of the bundle's origin with its signatures; {@code rootHash} in hex. */
    public record SignedCheckpoint(long treeSize, String rootHash, String time, long lastPosition,
                                   List<String> agencies, List<Checkpoint.Signature> signatures) {

        public static SignedCheckpoint of(Checkpoint checkpoint, List<Checkpoint.Signature> signatures) {
            return new SignedCheckpoint(checkpoint.treeSize(), HexFormat.of().formatHex(checkpoint.rootHash()), checkpoint.time(),
                    checkpoint.lastPosition(), checkpoint.agencies(), signatures);
        }

        public Checkpoint checkpoint(String origin) {
            return new Checkpoint(origin, treeSize, Hex.hash(rootHash, "root hash of checkpoint " + treeSize), time,
                    lastPosition, agencies);
        }
    }

    /** RFC 9162 consistency proof between two checkpoints, hashes in hex. */
    public record ConsistencyProof(long fromSize, long toSize, List<String> proof) {
    }

    /**
     * One event in scope. What the log committed: {@code leafIndex} (null when no leaf commits to the event),
     * {@code contentHash} and {@code previousHash} (hex), and, for messages only, {@code committedEventIdentifier}.
     * What the event store holds at {@code position}: {@code event} (null when it no longer has it).
     * {@code inclusionProof} (hex) proves the leaf in the last checkpoint; absent in a range bundle.
     * <p>
     * A hash-only entry ({@code withheld} true, format v3, item bundles only) is an event of the item that the bundle's
     * recipient may not see: it carries its leaf, position, content hash and inclusion proof, and nothing else (no
     * event, no previous hash, no event identifier). {@code withheld} is absent (null) on every other entry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Long leafIndex, long position, String committedEventIdentifier, String contentHash,
                        String previousHash, List<String> inclusionProof, Event event, Boolean withheld) {

        /** An entry with its content (or with none, when the event store no longer holds the event). */
        public Entry(Long leafIndex, long position, String committedEventIdentifier, String contentHash,
                     String previousHash, List<String> inclusionProof, Event event) {
            this(leafIndex, position, committedEventIdentifier, contentHash, previousHash, inclusionProof, event, null);
        }

        /** A hash-only entry: what proves that the log holds the event, none of what the event says. */
        public static Entry hashOnly(long leafIndex, long position, String contentHash, List<String> inclusionProof) {
            return new Entry(leafIndex, position, null, contentHash, null, inclusionProof, null, Boolean.TRUE);
        }

        @JsonIgnore
        public boolean isHashOnly() {
            return Boolean.TRUE.equals(withheld);
        }
    }

    /**
     * A stored event as in {@link StoredEvent}; payload and metaData are the stored bytes in base64 (kept as text here,
     * so the verifier decodes them on all cores).
     */
    public record Event(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                        String payloadType, String payloadRevision, String timeStamp, String payload,
                        String metaData) {

        public static Event of(StoredEvent e) {
            return new Event(e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), e.type(),
                    e.payloadType(), e.payloadRevision(), e.timeStamp(), base64(e.payload()), base64(e.metaData()));
        }

        /** The stored event; throws {@link IllegalArgumentException} if payload or metaData is not base64. */
        public StoredEvent stored() {
            return new StoredEvent(eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,
                    payloadRevision, timeStamp, bytes(payload), bytes(metaData));
        }

        private static String base64(byte[] bytes) {
            return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
        }

        private static byte[] bytes(String base64) {
            return base64 == null ? null : Base64.getDecoder().decode(base64);
        }
    }
}
