package io.jointops.notary;

import io.jointops.audit.Checkpoint;
import io.jointops.audit.ContentHash;
import io.jointops.audit.Ed25519;
import io.jointops.audit.Hex;
import io.jointops.audit.Merkle;
import io.jointops.audit.MerkleTree;
import io.jointops.audit.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes new events into the Merkle tree and issues checkpoints. The tree lives in memory (64 bytes per event) and is
 * rebuilt from {@code eventstore.audit_leaf} at start; across replicas a PostgreSQL advisory lock lets one notary
 * write at a time, and each catches up with the leaves the other wrote before it writes or answers.
 * <p>
 * Before it takes events in and again before it signs, it checks that its tree extends the newest stored checkpoint
 * and the newest signed one (an RFC 9162 consistency proof from their size and root to its tree), that their stored
 * signatures still verify, and that the checkpoint it issued or checked last is still stored with the same root. On
 * any mismatch it refuses: it logs the reason as an error, reports it ({@link #refusal()}: the health indicator
 * {@code notary} and the metric {@code jointops.notary.refusing}), and from then on takes no event in and signs
 * nothing until it is restarted after the cause is repaired.
 */
public class Notary {

    private static final Logger log = LoggerFactory.getLogger(Notary.class);
    /** pg advisory lock key of the notary: "JOAUDIT" in ASCII. */
    private static final long LOCK = 0x4A4F4155444954L;
    /** The longest a run takes in batches before it issues its checkpoint. */
    static final Duration RUN_LIMIT = Duration.ofSeconds(1);
    /** How often a refusing notary says again why it refuses. */
    static final Duration REMINDER = Duration.ofMinutes(10);

    /** Why the notary refuses to take events in and to sign: {@code kind} names the check, {@code reason} the finding. */
    public record Refusal(String kind, String reason, Instant since) {
    }

    /** A checkpoint this notary issued or checked: it must stay stored with this root. */
    private record Anchor(long size, byte[] root) {
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotaryProperties properties;
    private final AgencyKeys keys;
    private final Clock clock;
    private final MerkleTree tree = new MerkleTree();
    private final Merkle merkle = new Merkle();
    private final ContentHash contentHash = new ContentHash();
    private final InProcessCoSigners coSigners;
    private volatile Refusal refusal;
    private Instant lastReminder;
    /** The newest checkpoint this notary issued or checked. */
    private Anchor anchor;
    private final Set<String> warnedUncheckable = new HashSet<>();
    /** Global position of the last leaf (0 for none). */
    private long lastPosition;
    private boolean warnedNoAgencies;
    /** When the notary first read each new event it has not taken yet (database clock), to settle gaps below them. */
    private final TreeMap<Long, Instant> firstSeen = new TreeMap<>();
    private Boolean seesAllTransactions;

    Notary(JdbcTemplate jdbcTemplate, TransactionTemplate transactions, NotaryProperties properties, AgencyKeys keys,
           Clock clock) {
        this(jdbcTemplate, transactions, properties, keys, InProcessCoSigners.none(), clock);
    }

    Notary(JdbcTemplate jdbcTemplate, TransactionTemplate transactions, NotaryProperties properties, AgencyKeys keys,
           InProcessCoSigners coSigners, Clock clock) {
        this.coSigners = coSigners;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transactions = transactions;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    public AgencyKeys keys() {
        return keys;
    }

    public String origin() {
        return properties.getOrigin();
    }

    /** Why the notary refuses to take events in and to sign, if it does. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Agency to the reason its in-process co-signer (development) refused the newest checkpoint. */
    public Map<String, String> coSignerRefusals() {
        return coSigners.refusals();
    }

    /**
     * Takes every final new event into the tree, a batch per transaction, then issues one checkpoint of the whole tree
     * signed with the agency key this notary holds, if any (a signature costs far more than a batch of leaves: one per
     * run, not per batch), and lets in-process co-signers sign it. A run under steady load stops taking batches after
     * {@link #RUN_LIMIT}. Before the batches and before signing the tree is checked against the stored checkpoints
     * (class comment); a refusing notary does nothing. Returns the checkpoint issued: none if the tree already has one
     * of its size.
     */
    public Optional<Checkpoint> notarize() {
        if (refusing()) {
            return Optional.empty();
        }
        synchronized (this) {
            transactions.executeWithoutResult(status -> {
                if (locked()) {
                    verify();
                }
            });
        }
        if (refusal != null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        while (System.nanoTime() - started < RUN_LIMIT.toNanos()) {
            int taken;
            synchronized (this) {
                long sizeBefore = tree.size();
                long positionBefore = lastPosition;
                try {
                    taken = transactions.execute(status -> batch());
                } catch (RuntimeException e) {
                    tree.truncate(sizeBefore); // the rows were rolled back; so is the tree
                    lastPosition = positionBefore;
                    throw e;
                }
            }
            if (taken == 0) {
                break;
            }
        }
        // also after a run that took nothing: the last run's leaves may have been stored without their checkpoint
        Optional<Checkpoint> issued;
        synchronized (this) {
            issued = transactions.execute(status -> locked() && verify() ? checkpoint() : Optional.<Checkpoint>empty());
        }
        if (refusal == null) {
            coSigners.coSign(this);
        }
        return issued;
    }

    /** True while refusing; says why again every {@link #REMINDER}. */
    private boolean refusing() {
        Refusal current = refusal;
        if (current == null) {
            return false;
        }
        Instant now = clock.instant();
        if (lastReminder == null || Duration.between(lastReminder, now).compareTo(REMINDER) >= 0) {
            lastReminder = now;
            log.error("The notary still refuses to take events in and to sign checkpoints (since {}): {}",
                    current.since(), current.reason());
        }
        return true;
    }

    /**
     * Refuses from now on (the first reason found is kept), logging why; returns false, for the checks' convenience.
     */
    private boolean refuse(String kind, String reason) {
        if (refusal == null) {
            refusal = new Refusal(kind, reason, clock.instant());
            lastReminder = clock.instant();
            log.error("The notary refuses to take events in and to sign checkpoints: {}. It keeps refusing until it is"
                    + " restarted after the cause is repaired (docs/audit-format.md, section 3)", reason);
        }
        return false;
    }

    /**
     * The notary's own check, under its lock with its tree caught up: the checkpoint it issued or checked last is
     * still stored with its root, and its tree extends the newest stored checkpoint and the newest signed one (a
     * consistency proof from their size and root to the tree's) whose stored signatures still verify. False, refusing
     * from then on, if not.
     */
    private boolean verify() {
        if (refusal != null) {
            return false;
        }
        Optional<Signed> newest = newest();
        if (anchor != null) {
            Optional<Checkpoint> known = newest.map(Signed::checkpoint).filter(c -> c.treeSize() == anchor.size())
                    .or(() -> checkpoint(anchor.size()));
            if (known.isEmpty()) {
                return refuse("checkpoint-gone", "checkpoint " + anchor.size() + " (root " + Hex.shortHash(anchor.root())
                        + "), which this notary issued or checked, is gone from eventstore.audit_checkpoint ("
                        + newest.map(n -> "the newest stored is checkpoint " + n.checkpoint().treeSize())
                        .orElse("none is stored") + "): checkpoints were deleted");
            }
            if (!Arrays.equals(known.get().rootHash(), anchor.root())) {
                return refuse("checkpoint-changed", "checkpoint " + anchor.size() + ", which this notary issued or"
                        + " checked with root " + Hex.shortHash(anchor.root()) + ", is stored with root "
                        + Hex.shortHash(known.get().rootHash()) + ": the checkpoint row was rewritten");
            }
        }
        if (newest.isEmpty()) {
            return true;
        }
        if (!extendedBy(newest.get())) {
            return false;
        }
        Optional<Long> newestSigned = jdbc.sql(
                        "SELECT tree_size FROM eventstore.audit_checkpoint_signature ORDER BY tree_size DESC LIMIT 1")
                .query(Long.class).optional();
        if (newestSigned.isPresent() && newestSigned.get() != newest.get().checkpoint().treeSize()) {
            Optional<Signed> signed = signed(newestSigned.get());
            if (signed.isPresent() && !extendedBy(signed.get())) {
                return false;
            }
        }
        anchor = new Anchor(newest.get().checkpoint().treeSize(), newest.get().checkpoint().rootHash());
        return true;
    }

    /** The tree extends this stored checkpoint, and the signatures stored with it verify; else refuses. */
    private boolean extendedBy(Signed stored) {
        Checkpoint checkpoint = stored.checkpoint();
        long size = checkpoint.treeSize();
        if (size > tree.size()) {
            return refuse("leaves-missing", "checkpoint " + size + " covers " + size + " leaves, but"
                    + " eventstore.audit_leaf holds " + tree.size() + ": leaf rows were deleted");
        }
        byte[] root = tree.root(tree.size());
        if (!merkle.verifyConsistency(size, tree.size(), checkpoint.rootHash(), root,
                tree.consistencyProof(size, tree.size()))) {
            return refuse("inconsistent", "the tree of " + tree.size() + " leaves in eventstore.audit_leaf does not"
                    + " extend checkpoint " + size + ": its first " + size + " leaves hash to root "
                    + Hex.shortHash(tree.root(size)) + ", but the checkpoint has root "
                    + Hex.shortHash(checkpoint.rootHash()) + " (the consistency proof fails): leaf rows were rewritten,"
                    + " removed or reordered, or the checkpoint row was rewritten");
        }
        for (Checkpoint.Signature signature : stored.signatures()) {
            Optional<AgencyKeys.Agency> agency = keys.get(signature.agency())
                    .filter(a -> a.keyId().equals(signature.keyId()));
            if (agency.isEmpty()) {
                if (warnedUncheckable.add(signature.agency() + "/" + signature.keyId())) {
                    log.warn("Checkpoint {} carries a signature of {} with key {}, which is not the key configured for"
                            + " it: not checked (a key rotated?)", size, signature.agency(), signature.keyId());
                }
                continue;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(signature.signature());
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (!Ed25519.verify(agency.get().publicKey(), checkpoint.signedBytes(), bytes)) {
                return refuse("bad-signature", "checkpoint " + size + " carries a signature of " + signature.agency()
                        + " (key " + signature.keyId() + ") that does not verify over its stored columns: the"
                        + " checkpoint row (size, root, time, last position, agencies or origin) or the signature"
                        + " was changed after " + signature.agency() + " signed it");
            }
        }
        return true;
    }

    /** One batch: the events taken in; none when there was nothing final, another replica holds the lock, or refusing. */
    private int batch() {
        if (!locked() || refusal != null) {
            return 0;
        }
        // read before the rows: a transaction that ended before this read committed what it would, or rolled back
        Instant oldestTransactionStart = oldestOtherTransactionStart();
        List<Row> rows = jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                               payload_revision, time_stamp, payload, meta_data
                        FROM eventstore.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?""")
                .param(lastPosition).param(properties.getBatchSize())
                .query((rs, n) -> new Row(rs.getLong(1), new StoredEvent(rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                        rs.getBytes(10))))
                .list();
        // read after the rows: each of them was committed by then
        Instant seen = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
        firstSeen.headMap(lastPosition + 1).clear();
        rows.forEach(row -> firstSeen.putIfAbsent(row.position(), seen));
        int count = Frontier.finalCount(lastPosition, rows.stream()
                .map(row -> new Frontier.Candidate(row.position(), timestamp(row), firstSeen.get(row.position())))
                .toList(), clock.instant(), properties.getGapTimeout(), oldestTransactionStart);
        if (count == 0) {
            return 0;
        }
        rows = rows.subList(0, count);
        Map<String, Head> heads = heads(rows);
        List<Object[]> leaves = new ArrayList<>(count);
        for (Row row : rows) {
            StoredEvent event = row.event();
            Head head = heads.get(event.aggregateIdentifier());
            byte[] previous = ContentHash.GENESIS;
            if (event.sequenceNumber() > 0) {
                if (head != null && head.sequence() == event.sequenceNumber() - 1) {
                    previous = head.hash();
                } else {
                    log.error("Event {} ({} sequence {}, position {}) follows no notarised sequence {}: its chain starts "
                                    + "afresh; an item bundle of {} will fail verification", event.eventIdentifier(),
                            event.aggregateIdentifier(), event.sequenceNumber(), row.position(),
                            event.sequenceNumber() - 1, event.aggregateIdentifier());
                }
            }
            byte[] hash = contentHash.of(event, previous);
            long leaf = tree.append(hash);
            lastPosition = row.position();
            heads.put(event.aggregateIdentifier(), new Head(event.sequenceNumber(), hash));
            leaves.add(new Object[]{leaf, row.position(), event.eventIdentifier(), event.aggregateIdentifier(),
                    event.sequenceNumber(), previous, hash});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO eventstore.audit_leaf (leaf_index, global_index, event_identifier, aggregate_identifier,
                                                   sequence_number, previous_hash, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", leaves);
        log.info("Notarised {} event(s) up to position {}; tree size {}", count, lastPosition, tree.size());
        return count;
    }

    /** Takes the notary's lock for this transaction and catches up with the leaves; false if another replica has it. */
    private boolean locked() {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
            return false;
        }
        catchUp();
        return true;
    }

    /**
     * When the oldest transaction of another session began ({@link Instant#MAX} if none runs), or null when this role
     * may not see every session's transaction (then only the gap timeout settles gaps).
     */
    private Instant oldestOtherTransactionStart() {
        if (seesAllTransactions == null) {
            seesAllTransactions = jdbc.sql("""
                            SELECT rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER')
                            FROM pg_roles WHERE rolname = current_user""").query(Boolean.class).optional().orElse(false);
            if (!seesAllTransactions) {
                log.warn("The notary's database role may not read every session's transaction start (grant it "
                        + "pg_read_all_stats): gaps in global positions are settled by the gap timeout ({}) only",
                        properties.getGapTimeout());
            }
        }
        if (!seesAllTransactions) {
            return null;
        }
        // only sessions that could insert an event: clients of this database (not autovacuum and the like)
        OffsetDateTime oldest = jdbc.sql("""
                        SELECT min(xact_start) FROM pg_stat_activity
                        WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL
                          AND backend_type = 'client backend' AND datname = current_database()""")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
        return oldest == null ? Instant.MAX : oldest.toInstant();
    }

    /**
     * The checkpoint of the whole tree, signed with the private keys at hand; none without participating agencies, or
     * when the tree already has one (another replica issued it).
     */
    private Optional<Checkpoint> checkpoint() {
        if (tree.size() == 0 || checkpoint(tree.size()).isPresent()) {
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            if (!warnedNoAgencies) {
                log.warn("No agency keys are configured (jointops.notary.agencies.*): events are hashed into the tree, "
                        + "but no checkpoint is issued");
                warnedNoAgencies = true;
            }
            return Optional.empty();
        }
        String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        Checkpoint checkpoint = new Checkpoint(properties.getOrigin(), tree.size(), tree.root(tree.size()), now,
                lastPosition, keys.names());
        jdbc.sql("""
                        INSERT INTO eventstore.audit_checkpoint (tree_size, origin, root_hash, issued_at, last_position, agencies)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(checkpoint.treeSize(), checkpoint.origin(), checkpoint.rootHash(), checkpoint.time(),
                        checkpoint.lastPosition(), String.join(",", checkpoint.agencies()))
                .update();
        for (AgencyKeys.Agency agency : keys.all()) {
            agency.privateKey().ifPresent(key -> storeSignature(checkpoint.treeSize(), agency,
                    Ed25519.sign(key, checkpoint.signedBytes()), now));
        }
        anchor = new Anchor(checkpoint.treeSize(), checkpoint.rootHash());
        return Optional.of(checkpoint);
    }

    /** Adds an agency's signature made elsewhere; false if it does not verify with the agency's public key. */
    public synchronized boolean addSignature(long treeSize, String agencyName, byte[] signature) {
        AgencyKeys.Agency agency = keys.get(agencyName).orElseThrow(() -> new IllegalArgumentException(
                "agency " + agencyName + " does not participate"));
        Checkpoint checkpoint = checkpoint(treeSize).orElseThrow(() -> new IllegalArgumentException(
                "no checkpoint of size " + treeSize));
        if (!checkpoint.agencies().contains(agencyName) || !Ed25519.verify(agency.publicKey(), checkpoint.signedBytes(), signature)) {
            return false;
        }
        // an agency's signature that is already held stays: the audit tables are append-only for the service's role
        storeSignature(treeSize, agency, signature, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        return true;
    }

    /** Stores an agency's signature of a checkpoint, unless one of that agency is already stored (kept as it is). */
    private void storeSignature(long treeSize, AgencyKeys.Agency agency, byte[] signature, String at) {
        jdbc.sql("""
                        INSERT INTO eventstore.audit_checkpoint_signature (tree_size, agency, key_id, signature, signed_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size, agency) DO NOTHING""")
                .params(treeSize, agency.name(), agency.keyId(), signature, at)
                .update();
    }

    /** Brings the in-memory tree up to the leaves stored (by this notary earlier, or another replica). */
    private void catchUp() {
        List<Object[]> rows = jdbc.sql("""
                        SELECT leaf_index, global_index, content_hash FROM eventstore.audit_leaf
                        WHERE leaf_index >= ? ORDER BY leaf_index""")
                .param(tree.size())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getBytes(3)})
                .list();
        for (Object[] row : rows) {
            if ((long) row[0] != tree.size()) {
                refuse("leaves-missing", "eventstore.audit_leaf has no leaf " + tree.size() + " (the next is "
                        + row[0] + "): leaf rows were deleted");
                return;
            }
            tree.append((byte[]) row[2]);
            lastPosition = (long) row[1];
        }
    }

    /** The last notarised event of each aggregate of the batch. */
    private Map<String, Head> heads(List<Row> rows) {
        Set<String> aggregates = new LinkedHashSet<>();
        rows.forEach(row -> aggregates.add(row.event().aggregateIdentifier()));
        Map<String, Head> heads = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, content_hash
                        FROM eventstore.audit_leaf WHERE aggregate_identifier = ANY(?)
                        ORDER BY aggregate_identifier, sequence_number DESC""")
                .param(aggregates.toArray(String[]::new))
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getBytes(3)));
                });
        return heads;
    }

    private static Instant timestamp(Row row) {
        try {
            return Instant.parse(row.event().timeStamp());
        } catch (RuntimeException e) {
            return Instant.EPOCH; // unreadable: old enough to give a gap before it up
        }
    }

    // ---- reading: every read first catches up with leaves another replica may have written

    public synchronized long size() {
        catchUp();
        return tree.size();
    }

    public synchronized byte[] root(long treeSize) {
        catchUp();
        return tree.root(treeSize);
    }

    public synchronized List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        catchUp();
        return tree.inclusionProof(leafIndex, treeSize);
    }

    public synchronized List<byte[]> consistencyProof(long firstSize, long secondSize) {
        catchUp();
        return tree.consistencyProof(firstSize, secondSize);
    }

    public synchronized List<byte[]> rangeProof(long first, long end, long treeSize) {
        catchUp();
        return tree.rangeProof(first, end, treeSize);
    }

    /** A stored checkpoint with the signatures it has so far. */
    public record Signed(Checkpoint checkpoint, List<Checkpoint.Signature> signatures) {
        public boolean complete() {
            return signatures.stream().map(Checkpoint.Signature::agency).toList().containsAll(checkpoint.agencies());
        }
    }

    /** The newest stored checkpoint, complete or not, with the signatures it has so far. */
    public Optional<Signed> newest() {
        return jdbc.sql("SELECT tree_size FROM eventstore.audit_checkpoint ORDER BY tree_size DESC LIMIT 1")
                .query(Long.class).optional().flatMap(this::signed);
    }

    /** Leaves in the tree that no complete checkpoint covers yet (not yet signed by every agency). */
    public long uncoveredLeaves() {
        long size = size();
        return size - latestComplete(size).map(s -> s.checkpoint().treeSize()).orElse(0L);
    }

    public Optional<Checkpoint> checkpoint(long treeSize) {
        return signed("tree_size = ?", treeSize, 1).stream().findFirst().map(Signed::checkpoint);
    }

    public Optional<Signed> signed(long treeSize) {
        return signed("tree_size = ?", treeSize, 1).stream().findFirst();
    }

    /** Checkpoints ascending by size from {@code fromSize}, at most {@code limit}. */
    public List<Signed> checkpoints(long fromSize, int limit) {
        return signed("tree_size >= ?", fromSize, limit);
    }

    /** The newest complete checkpoint, or the newest complete one of at most {@code maxSize} leaves. */
    public Optional<Signed> latestComplete(long maxSize) {
        List<Long> sizes = jdbc.sql("""
                        SELECT c.tree_size FROM eventstore.audit_checkpoint c
                        WHERE c.tree_size <= ? AND (SELECT count(*) FROM eventstore.audit_checkpoint_signature s
                                                    WHERE s.tree_size = c.tree_size)
                                                   >= cardinality(string_to_array(c.agencies, ','))
                        ORDER BY c.tree_size DESC LIMIT 1""")
                .param(maxSize).query(Long.class).list();
        return sizes.isEmpty() ? Optional.empty() : signed(sizes.get(0));
    }

    /** The oldest complete checkpoint of more than {@code leafIndex} leaves: the first to cover that leaf. */
    public Optional<Signed> firstCompleteCovering(long leafIndex) {
        List<Long> sizes = jdbc.sql("""
                        SELECT c.tree_size FROM eventstore.audit_checkpoint c
                        WHERE c.tree_size > ? AND (SELECT count(*) FROM eventstore.audit_checkpoint_signature s
                                                   WHERE s.tree_size = c.tree_size)
                                                  >= cardinality(string_to_array(c.agencies, ','))
                        ORDER BY c.tree_size LIMIT 1""")
                .param(leafIndex).query(Long.class).list();
        return sizes.isEmpty() ? Optional.empty() : signed(sizes.get(0));
    }

    private List<Signed> signed(String condition, long value, int limit) {
        List<Checkpoint> checkpoints = jdbc.sql("SELECT tree_size, origin, root_hash, issued_at, last_position, agencies "
                        + "FROM eventstore.audit_checkpoint WHERE " + condition + " ORDER BY tree_size LIMIT ?")
                .param(value).param(limit)
                .query((rs, n) -> new Checkpoint(rs.getString(2), rs.getLong(1), rs.getBytes(3), rs.getString(4),
                        rs.getLong(5), List.of(rs.getString(6).split(","))))
                .list();
        List<Signed> signed = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            signed.add(new Signed(checkpoint, jdbc.sql("""
                            SELECT agency, key_id, signature FROM eventstore.audit_checkpoint_signature
                            WHERE tree_size = ? ORDER BY agency""")
                    .param(checkpoint.treeSize())
                    .query((rs, n) -> new Checkpoint.Signature(rs.getString(1), rs.getString(2),
                            Base64.getEncoder().encodeToString(rs.getBytes(3))))
                    .list()));
        }
        return signed;
    }

    /** The leaf of the event at a global position, if the tree holds it. */
    public Optional<Long> leafAt(long position) {
        return jdbc.sql("SELECT leaf_index FROM eventstore.audit_leaf WHERE global_index = ?")
                .param(position).query(Long.class).optional();
    }

    private record Row(long position, StoredEvent event) {
    }

    private record Head(long sequence, byte[] hash) {
    }
}
