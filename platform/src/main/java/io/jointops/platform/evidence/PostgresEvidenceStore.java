package io.jointops.platform.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Evidence bytes in the service's own schema (the default store): {@code evidence_chunk} rows keyed by the upload
 * that first stored the content. An upload writes its chunks one short transaction each as they arrive (no
 * connection held while the client sends); when its content is stored already, it deletes them. Nothing else writes
 * these rows.
 */
final class PostgresEvidenceStore extends EvidenceStore {

    PostgresEvidenceStore(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    Writer begin() {
        UUID upload = UUID.randomUUID();
        return new Writer() {
            private int seq;

            @Override
            public UUID id() {
                return upload;
            }

            @Override
            public void write(byte[] data, int length) {
                jdbc().sql("INSERT INTO evidence_chunk (upload_id, seq, data) VALUES (:upload, :seq, :data)")
                        .param("upload", upload).param("seq", seq++).param("data", Arrays.copyOf(data, length))
                        .update();
            }

            @Override
            public void commit(String sha256, long size) {
                // the chunks are the blob's once its row names this upload
            }

            @Override
            public void abort() {
                jdbc().sql("DELETE FROM evidence_chunk WHERE upload_id = :upload").param("upload", upload).update();
            }
        };
    }

    /**
     * A blob missing any of its chunks takes the upload's (of the same chunk size, so the same chunk hashes): the
     * files that name its hash read again. What was left of its own chunks is deleted.
     */
    @Override
    boolean restores(Writer upload, String sha256, int chunkSize) {
        List<UUID> replaced = jdbc().sql("""
                        UPDATE evidence_blob b SET upload_id = :upload
                          FROM (SELECT upload_id AS old FROM evidence_blob WHERE sha256 = :sha256) o
                         WHERE b.sha256 = :sha256 AND b.chunk_size = :chunkSize
                           AND (SELECT count(*) FROM evidence_chunk c WHERE c.upload_id = b.upload_id)
                               < length(b.chunk_hashes) / 32
                        RETURNING o.old""")
                .param("upload", upload.id()).param("sha256", sha256).param("chunkSize", chunkSize)
                .query(UUID.class).list();
        replaced.forEach(old -> jdbc().sql("DELETE FROM evidence_chunk WHERE upload_id = :old").param("old", old)
                .update());
        return !replaced.isEmpty();
    }

    @Override
    Chunks read(Blob blob, int first, int last) {
        return new Chunks() {
            private int seq = first;

            @Override
            public byte[] next() {
                return jdbc().sql("SELECT data FROM evidence_chunk WHERE upload_id = :upload AND seq = :seq")
                        .param("upload", blob.uploadId()).param("seq", seq++).query(byte[].class).optional()
                        .orElse(new byte[0]);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Hashed by the database itself ({@code sha256()}), so a download is refused before any byte goes out, and no
     * byte crosses to the service for the check.
     */
    @Override
    OptionalInt firstAltered(Blob blob, int first, int last) {
        List<Object[]> rows = jdbc().sql("""
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
