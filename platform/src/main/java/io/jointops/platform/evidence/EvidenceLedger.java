package io.jointops.platform.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the evidence view: an item's files and each file's chain of custody. Not filtered by agency: a file is
 * shown exactly to whoever may see its item, so the caller checks the item first (as {@link EvidenceResponses} does
 * with the item's own {@code ItemResponses}); every custody entry is shown to them (the chain is the partners' joint
 * record). This is also the API for whatever hands an item's evidence on (a dossier): {@link #withCustody}.
 */
public class EvidenceLedger {

    /** A file and its whole chain of custody, oldest first. */
    public record FileRecord(EvidenceFile file, List<CustodyEntry> custody) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ViewReplays replays;

    public EvidenceLedger(JdbcClient jdbc, ObjectMapper json, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.replays = replays;
    }

    /** The files of an item, in the order they were added. */
    public List<EvidenceFile> files(String itemId) {
        replays.requireServing(EvidenceProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT * FROM evidence_file WHERE item_id = :item ORDER BY added_sequence")
                .param("item", itemId).query(FILES).list();
    }

    /** File {@code fileId} if it belongs to item {@code itemId}. */
    public Optional<EvidenceFile> file(String itemId, String fileId) {
        replays.requireServing(EvidenceProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT * FROM evidence_file WHERE file_id = :file AND item_id = :item")
                .param("file", fileId).param("item", itemId).query(FILES).optional();
    }

    /** Page {@code page} of a file's chain of custody, oldest first. */
    public Page<CustodyEntry> custody(String fileId, int page, int size) {
        replays.requireServing(EvidenceProjector.PROCESSING_GROUP);
        long total = jdbc.sql("SELECT count(*) FROM evidence_custody WHERE file_id = :file").param("file", fileId)
                .query(Long.class).single();
        List<CustodyEntry> entries = jdbc.sql("""
                        SELECT entry FROM evidence_custody WHERE file_id = :file
                         ORDER BY position, event_id""" + Page.rows(page, size))
                .param("file", fileId)
                .query((row, n) -> entry(row.getString("entry"))).list();
        return Page.of(entries, page, size, total);
    }

    /**
     * Every file of an item with its whole chain of custody, for a caller already found allowed to see the item (e.g.
     * a dossier of a case, built for the caller's agency): two statements, whatever the number of files.
     */
    public List<FileRecord> withCustody(String itemId) {
        List<EvidenceFile> files = files(itemId);
        List<Object[]> rows = jdbc.sql("""
                        SELECT file_id, entry FROM evidence_custody WHERE item_id = :item ORDER BY position, event_id""")
                .param("item", itemId).query((row, n) -> new Object[]{row.getString("file_id"),
                        entry(row.getString("entry"))}).list();
        return files.stream().map(file -> new FileRecord(file, rows.stream()
                .filter(row -> row[0].equals(file.fileId())).map(row -> (CustodyEntry) row[1]).toList())).toList();
    }

    private CustodyEntry entry(String text) {
        try {
            return json.readValue(text, CustodyEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable custody entry", e);
        }
    }

    static final RowMapper<EvidenceFile> FILES = (ResultSet row, int n) -> new EvidenceFile(row.getString("file_id"),
            row.getString("item_id"), row.getString("original_name"), row.getString("content_type"),
            row.getLong("size"), row.getString("sha256"), row.getString("reason"), row.getString("added_by"),
            row.getString("agency"), instant(row, "added_at"), row.getString("supersedes"),
            row.getString("superseded_by"), instant(row, "superseded_at"), row.getInt("chunk_size"),
            row.getString("chunk_list_sha256"));

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
