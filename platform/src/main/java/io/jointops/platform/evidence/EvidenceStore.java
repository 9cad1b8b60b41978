package io.jointops.platform.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The bytes of evidence files in the service's own schema (PostgreSQL, the default store): content-addressed by
 * SHA-256 and deduplicated, in fixed-size chunks. An upload writes its chunks one short transaction each as they
 * arrive (no connection held while the client sends), then either becomes the blob of its hash or, when that hash is
 * stored already, deletes its chunks. Nothing else writes these tables.
 * <p>
 * An S3-compatible store is not built (no such server can run here to test it against); this class is the seam where
 * it would go: the same four operations on objects instead of rows.
 */
public class EvidenceStore {

    /** What is stored of one content. {@code chunkHashes}: 32 bytes per chunk, in order. */
    public record Blob(String sha256, long size, String contentType, int chunkSize, byte[] chunkHashes,
                       UUID uploadId) {

        public int chunks() {
            return chunkHashes.length / 32;
        }

        public String chunkListSha256() {
            return Hashes.chunkList(chunkHashes);
        }
    }

    private final JdbcClient jdbc;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new upload's key for its chunks. */
    UUID begin() {
        return UUID.randomUUID();
    }

    void writeChunk(UUID upload, int seq, byte[] data, int length) {
        jdbc.sql("INSERT INTO evidence_chunk (upload_id, seq, data) VALUES (:upload, :seq, :data)")
                .param("upload", upload).param("seq", seq).param("data", Arrays.copyOf(data, length)).update();
    }

    /**
     * Makes the upload's chunks the blob of {@code sha256}, or, when that content is stored already, deletes them
     * and answers the stored blob (deduplicated). Two uploads of one content at once: the second insert waits for the
     * first's and then finds it.
     */
    Blob finish(UUID upload, String sha256, long size, String contentType, int chunkSize, byte[] chunkHashes) {
        int inserted = jdbc.sql("""
                        INSERT INTO evidence_blob (sha256, size, content_type, chunk_size, chunk_hashes, upload_id, stored_at)
                        VALUES (:sha256, :size, :type, :chunkSize, :hashes, :upload, :at)
                        ON CONFLICT (sha256) DO NOTHING""")
                .param("sha256", sha256).param("size", size).param("type", contentType)
                .param("chunkSize", chunkSize).param("hashes", chunkHashes).param("upload", upload)
                .param("at", Timestamp.from(Instant.now())).update();
        if (inserted == 0) {
            abort(upload);
        }
        return blob(sha256).orElseThrow();
    }

    /** Deletes the chunks of an upload that did not become a blob. */
    void abort(UUID upload) {
        jdbc.sql("DELETE FROM evidence_chunk WHERE upload_id = :upload").param("upload", upload).update();
    }

    public Optional<Blob> blob(String sha256) {
        return jdbc.sql("SELECT * FROM evidence_blob WHERE sha256 = :sha256").param("sha256", sha256)
                .query((row, n) -> new Blob(row.getString("sha256"), row.getLong("size"),
                        row.getString("content_type"), row.getInt("chunk_size"), row.getBytes("chunk_hashes"),
                        row.getObject("upload_id", UUID.class)))
                .optional();
    }

    /** The stored bytes of chunk {@code seq} (empty if the row is gone). */
    Optional<byte[]> chunk(Blob blob, int seq) {
        return jdbc.sql("SELECT data FROM evidence_chunk WHERE upload_id = :upload AND seq = :seq")
                .param("upload", blob.uploadId()).param("seq", seq).query(byte[].class).optional();
    }

    /**
     * The first chunk in {@code first..last} whose stored bytes no longer hash as listed, or that is missing: hashed by
     * the database itself ({@code sha256()}), so a download is refused before any byte goes out, and no byte crosses
     * to the service for the check.
     */
    OptionalInt firstAltered(Blob blob, int first, int last) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT seq, sha256(data) AS hash FROM evidence_chunk
                         WHERE upload_id = :upload AND seq BETWEEN :first AND :last ORDER BY seq""")
                .param("upload", blob.uploadId()).param("first", first).param("last", last)
                .query((row, n) -> new Object[]{row.getInt("seq"), row.getBytes("hash")}).list();
        int expected = first;
        for (Object[] row : rows) {
            int seq = (Integer) row[0];
            if (seq != expected || !Arrays.equals((byte[]) row[1], Hashes.chunk(blob.chunkHashes(), seq))) {
                return OptionalInt.of(expected);
            }
            expected++;
        }
        return expected == last + 1 ? OptionalInt.empty() : OptionalInt.of(expected);
    }
}
