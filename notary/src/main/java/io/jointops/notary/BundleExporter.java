package io.jointops.notary;

import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.Ed25519;
import io.jointops.audit.InclusionBatch;
import io.jointops.audit.Merkle;
import io.jointops.audit.StoredEvent;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

import java.util.HexFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Builds export bundles from what the database holds now: the notary's leaves (what the log committed) side by side
 * with the event store's rows at the same positions (what is stored). Nothing is repaired or left out: a row changed,
 * moved, deleted or inserted after notarisation shows in the bundle, and the verifier names it.
 * <p>
 * An item's bundle for a reader who may not see all of its events (a partner agency) carries those events hash-only
 * ({@link Bundle.Entry#hashOnly}: leaf, position, content hash, inclusion proof): which ones is the item's context's
 * decision, given as the sequence numbers it shows that reader ({@link #item(String, Long, LongPredicate)}).
 */
public class BundleExporter {

    /** Bad input or nothing to export; the message is for the caller. */
    public static class ExportException extends RuntimeException {
        private final String field;
        private final boolean notFound;

        ExportException(String field, String message, boolean notFound) {
            super(message);
            this.field = field;
            this.notFound = notFound;
        }

        public String field() {
            return field;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    private static final int PAGE = 2_000;

    private final Notary notary;
    private final JdbcClient jdbc;
    private final int maxEvents;

    BundleExporter(Notary notary, JdbcClient jdbc, int maxEvents) {
        this.notary = notary;
        this.jdbc = jdbc;
        this.maxEvents = maxEvents;
    }

    /** A prepared export: the header is known, the events are streamed by {@link #writeTo(OutputStream)}. */
    public final class Export {
        private final Bundle header;
        private final String aggregate;
        private final long fromPosition;
        private final long toPosition;
        private final long treeSize;
        private final LongPredicate shown;

        private Export(Bundle header, String aggregate, long fromPosition, long toPosition, long treeSize,
                       LongPredicate shown) {
            this.header = header;
            this.aggregate = aggregate;
            this.fromPosition = fromPosition;
            this.toPosition = toPosition;
            this.treeSize = treeSize;
            this.shown = shown;
        }

        /** The bundle's header: its scope, keys, checkpoints (the events are proven against the last) and proofs. */
        public Bundle header() {
            return header;
        }

        public void writeTo(OutputStream out) throws IOException {
            Bundle.SignedCheckpoint target = header.checkpoints().get(header.checkpoints().size() - 1);
            Bundles.write(header, new Entries(aggregate, fromPosition, toPosition, treeSize,
                    new InclusionBatch(treeSize, HexFormat.of().parseHex(target.rootHash())), shown), out);
        }
    }

    /**
     * Answers with an export: 200, JSON, as the attachment {@code name}.json. Bad input is a 400 problem naming the
     * field, nothing to export (an unknown item, no complete checkpoint yet) a 404, both before anything is written.
     */
    public void answer(Supplier<Export> export, String name, HttpServletResponse response) throws IOException {
        Export prepared = prepare(export);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json\"");
        prepared.writeTo(response.getOutputStream());
    }

    /**
     * The export, or what a request for it is answered: bad input a 400 problem naming the field, nothing to export
     * (an unknown item, no complete checkpoint yet) a 404 problem, as {@link #answer} answers them.
     */
    public Export prepare(Supplier<Export> export) {
        try {
            return export.get();
        } catch (ExportException e) {
            if (e.notFound()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
            }
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    /** The history of one item (aggregate) against the newest complete checkpoint of at most {@code maxTreeSize}. */
    public Export item(String itemId, Long maxTreeSize) {
        return item(itemId, maxTreeSize, sequence -> true);
    }

    /**
     * The history of one item as a reader who may see only the events whose sequence numbers {@code shown} takes is
     * given it: the others hash-only. An event stored after the item's context decided is not among them, so it is
     * withheld too (the decision fails closed).
     */
    public Export item(String itemId, Long maxTreeSize, LongPredicate shown) {
        Notary.Signed target = target(maxTreeSize);
        long lastPosition = target.checkpoint().lastPosition();
        Long firstLeaf = jdbc.sql("SELECT min(leaf_index) FROM eventstore.audit_leaf WHERE aggregate_identifier = ? "
                        + "AND leaf_index < ?")
                .params(itemId, target.checkpoint().treeSize())
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).list().get(0); // null for an unknown item
        long stored = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND global_index <= ?")
                .params(itemId, lastPosition).query(Long.class).single();
        if (firstLeaf == null && stored == 0) {
            throw new ExportException("itemId", "no event of item " + itemId + " is covered by checkpoint "
                    + target.checkpoint().treeSize(), true);
        }
        long after = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND global_index > ?")
                .params(itemId, lastPosition).query(Long.class).single();
        Bundle header = header(Bundle.Scope.item(itemId), target, firstLeaf == null ? 0 : firstLeaf, null, after)
                .withErasedKeys(jdbc.sql("SELECT key_id::text FROM eventstore.personal_data_key"
                                + " WHERE item_id = ? AND data_key IS NULL ORDER BY key_id")
                        .param(itemId).query(String.class).list());
        return new Export(header, itemId, 0, lastPosition, target.checkpoint().treeSize(), shown);
    }

    /** The events at global positions {@code from .. to} against the newest complete checkpoint. */
    public Export range(long from, long to, Long maxTreeSize) {
        if (from < 1) {
            throw new ExportException("fromPosition", "must be 1 or more", false);
        }
        if (to < from) {
            throw new ExportException("toPosition", "must not be below fromPosition", false);
        }
        Notary.Signed target = target(maxTreeSize);
        long size = target.checkpoint().treeSize();
        long covered = Math.min(to, target.checkpoint().lastPosition());
        List<Long> bounds = jdbc.sql("SELECT min(leaf_index), max(leaf_index) FROM eventstore.audit_leaf "
                        + "WHERE global_index BETWEEN ? AND ? AND leaf_index < ?")
                .params(from, covered, size)
                .query((rs, n) -> {
                    List<Long> pair = new ArrayList<>();
                    pair.add(rs.getObject(1) == null ? null : rs.getLong(1));
                    pair.add(rs.getObject(2) == null ? null : rs.getLong(2));
                    return pair;
                }).single();
        if (bounds.get(0) == null) {
            throw new ExportException("fromPosition", "no event at positions " + from + ".." + to
                    + " is covered by checkpoint " + size + " (it ends at position "
                    + target.checkpoint().lastPosition() + ")", true);
        }
        long first = bounds.get(0);
        long end = bounds.get(1) + 1;
        if (end - first > maxEvents) {
            throw new ExportException("toPosition", "the range holds " + (end - first) + " events; at most "
                    + maxEvents + " go into one export", false);
        }
        long after = to > covered ? jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry "
                        + "WHERE global_index > ? AND global_index <= ?")
                .params(covered, to).query(Long.class).single() : 0;
        List<String> rangeProof = notary.rangeProof(first, end, size).stream().map(HexFormat.of()::formatHex).toList();
        Bundle header = header(Bundle.Scope.range(from, to), target, first, rangeProof, after)
                .withErasedKeys(jdbc.sql("SELECT key_id::text FROM eventstore.personal_data_key WHERE data_key IS NULL"
                                + " AND item_id IN (SELECT aggregate_identifier FROM eventstore.domain_event_entry"
                                + " WHERE global_index BETWEEN ? AND ?) ORDER BY key_id")
                        .params(from, covered).query(String.class).list());
        return new Export(header, null, from, covered, size, sequence -> true);
    }

    private Notary.Signed target(Long maxTreeSize) {
        if (maxTreeSize != null) {
            Notary.Signed signed = notary.signed(maxTreeSize).orElseThrow(() -> new ExportException("treeSize",
                    "there is no checkpoint of size " + maxTreeSize, true));
            if (!signed.complete()) {
                throw new ExportException("treeSize", "checkpoint " + maxTreeSize
                        + " is not complete: not every agency has signed it yet", false);
            }
            return signed;
        }
        return notary.latestComplete(Long.MAX_VALUE).orElseThrow(() -> new ExportException("treeSize",
                "there is no complete checkpoint yet", true));
    }

    private Bundle header(Bundle.Scope scope, Notary.Signed target, long firstLeaf, List<String> rangeProof, long after) {
        List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>();
        List<Bundle.ConsistencyProof> consistency = new ArrayList<>();
        Notary.Signed first = notary.firstCompleteCovering(firstLeaf).orElse(target);
        long targetSize = target.checkpoint().treeSize();
        if (first.checkpoint().treeSize() < targetSize) {
            checkpoints.add(Bundle.SignedCheckpoint.of(first.checkpoint(), first.signatures()));
            consistency.add(new Bundle.ConsistencyProof(first.checkpoint().treeSize(), targetSize,
                    notary.consistencyProof(first.checkpoint().treeSize(), targetSize).stream().map(HexFormat.of()::formatHex).toList()));
        }
        checkpoints.add(Bundle.SignedCheckpoint.of(target.checkpoint(), target.signatures()));
        List<Bundle.AgencyKey> keys = notary.keys().all().stream()
                .map(agency -> new Bundle.AgencyKey(agency.name(), agency.keyId(), Ed25519.encode(agency.publicKey())))
                .toList();
        return new Bundle(Bundle.FORMAT, notary.origin(), scope, keys, checkpoints, consistency, rangeProof, after,
                List.of());
    }

    /**
     * The entries in position order, a page at a time: leaves of the checkpoint and event rows, joined by position,
     * for one aggregate or for every aggregate.
     */
    private final class Entries implements Iterator<Bundle.Entry> {

        private List<byte[]> proof(long leaf, byte[] contentHash) {
            List<byte[]> full = notary.inclusionProof(leaf, treeSize);
            try {
                return proofs.shortest(leaf, merkle.leafHash(contentHash), full);
            } catch (IllegalArgumentException e) {
                return full; // the leaf row does not match the tree: exported as it is, for the verifier to name
            }
        }
        private final String aggregate;
        private final long to;
        private final long treeSize;
        private long next;
        private Iterator<Bundle.Entry> page = List.<Bundle.Entry>of().iterator();
        private boolean exhausted;
        /** Item exports: each inclusion proof stops where it meets a node an earlier one proved (format v2). */
        private final InclusionBatch proofs;
        private final Merkle merkle = new Merkle();
        /** The sequences of the item the reader may see; the others go hash-only. */
        private final LongPredicate shown;

        Entries(String aggregate, long from, long to, long treeSize, InclusionBatch proofs, LongPredicate shown) {
            this.aggregate = aggregate;
            this.next = from;
            this.to = to;
            this.treeSize = treeSize;
            this.proofs = proofs;
            this.shown = shown;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !exhausted) {
                List<Bundle.Entry> entries = fetch();
                exhausted = entries.size() < PAGE;
                if (!entries.isEmpty()) {
                    next = entries.get(entries.size() - 1).position() + 1;
                }
                page = entries.iterator();
            }
            return page.hasNext();
        }

        @Override
        public Bundle.Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        private List<Bundle.Entry> fetch() {
            String leafFilter = aggregate == null ? "" : " AND aggregate_identifier = :aggregate";
            String rowFilter = aggregate == null ? "" : " AND aggregate_identifier = :aggregate";
            var query = jdbc.sql("""
                            SELECT COALESCE(l.global_index, e.global_index) AS position, l.leaf_index,
                                   l.event_identifier AS committed_id, l.content_hash, l.previous_hash,
                                   e.global_index AS row_position, e.event_identifier, e.aggregate_identifier,
                                   e.sequence_number, e.type, e.payload_type, e.payload_revision, e.time_stamp,
                                   e.payload, e.meta_data
                            FROM (SELECT * FROM eventstore.audit_leaf
                                  WHERE leaf_index < :size AND global_index BETWEEN :lo AND :hi""" + leafFilter + """
                            ) l
                            FULL OUTER JOIN (SELECT * FROM eventstore.domain_event_entry
                                             WHERE global_index BETWEEN :lo AND :hi""" + rowFilter + """
                            ) e ON e.global_index = l.global_index
                            ORDER BY position LIMIT :page""")
                    .param("size", treeSize).param("lo", next).param("hi", to).param("page", PAGE);
            if (aggregate != null) {
                query = query.param("aggregate", aggregate);
            }
            return query.query((rs, n) -> entry(rs)).list();
        }

        private Bundle.Entry entry(ResultSet rs) throws SQLException {
            Long leaf = rs.getObject("leaf_index") == null ? null : rs.getLong("leaf_index");
            boolean stored = rs.getObject("row_position") != null;
            if (stored && !shown.test(rs.getLong("sequence_number"))) {
                // the reader may not see it: what proves the log holds it, nothing of what it says; a row no leaf
                // commits to (stored after notarisation) stays without a leaf, for the verifier to refuse
                return leaf == null ? new Bundle.Entry(null, rs.getLong("position"), null, null, null, null, null, true)
                        : Bundle.Entry.hashOnly(leaf, rs.getLong("position"), HexFormat.of().formatHex(rs.getBytes("content_hash")),
                        proof(leaf, rs.getBytes("content_hash")).stream().map(HexFormat.of()::formatHex).toList());
            }
            Bundle.Event event = !stored ? null : Bundle.Event.of(new StoredEvent(
                    rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("type"), rs.getString("payload_type"),
                    rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("payload"),
                    rs.getBytes("meta_data")));
            List<String> proof = leaf != null && aggregate != null ? proof(leaf, rs.getBytes("content_hash")).stream().map(HexFormat.of()::formatHex).toList() : null;
            return new Bundle.Entry(leaf, rs.getLong("position"), rs.getString("committed_id"),
                    leaf == null ? null : HexFormat.of().formatHex(rs.getBytes("content_hash")),
                    leaf == null ? null : HexFormat.of().formatHex(rs.getBytes("previous_hash")), proof, event);
        }
    }
}
