package io.jointops.platform.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The bytes of evidence files: content-addressed by SHA-256 and deduplicated, read back in fixed-size chunks. What is
 * stored of each content (size, sniffed type, chunk size, every chunk's SHA-256) is a row of {@code evidence_blob} in
 * the service's own schema whichever store holds the bytes; the bytes are in PostgreSQL ({@link PostgresEvidenceStore},
 * the default) or in an S3-compatible object store ({@link S3EvidenceStore}, {@code jointops.evidence.store=s3}).
 * <p>
 * An upload writes its bytes as they arrive ({@link #begin()}); the platform's own hash of them decides where they end
 * ({@link #finish}): under the address of that hash, or, when that content is stored already, nowhere (deduplicated).
 */
public abstract class EvidenceStore {

    /**
     * What is stored of one content. {@code chunkHashes}: 32 bytes per chunk, in order. {@code uploadId}: the upload
     * that first stored it (in PostgreSQL the key of its chunks).
     */
    public record Blob(String sha256, long size, String contentType, int chunkSize, byte[] chunkHashes,
                       UUID uploadId) {

        public int chunks() {
            return chunkHashes.length / 32;
        }

        public String chunkListSha256() {
            return Hashes.chunkList(chunkHashes);
        }
    }

    /** One upload's bytes while they stream in, one chunk at a time. */
    interface Writer {

        UUID id();

        /** The next chunk of the upload ({@code length} bytes of {@code data}; the array is reused after). */
        void write(byte[] data, int length);

        /**
         * The upload is the content of {@code sha256} ({@code size} bytes): its bytes are now stored under that
         * content's address, or found there already.
         */
        void commit(String sha256, long size);

        /** Deletes what this upload stored that no blob holds (nothing when it became a blob). */
        void abort();
    }

    /** The stored chunks of a blob from one chunk on, in order, each as stored (an empty one where none is). */
    interface Chunks extends AutoCloseable {

        byte[] next();

        @Override
        void close();
    }

    private final JdbcClient jdbc;

    protected EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new upload. */
    abstract Writer begin();

    /**
     * Makes the upload the blob of {@code sha256}, or, when that content is stored already, deletes what the upload
     * stored and answers the stored blob (deduplicated). Two uploads of one content at once: the second insert waits
     * for the first's and then finds it. A blob whose bytes this store does not hold (lost, or stored while the
     * service used the other store) has them back from the upload ({@link #restores}).
     */
    Blob finish(Writer upload, String sha256, long size, String contentType, int chunkSize, byte[] chunkHashes) {
        upload.commit(sha256, size);
        int inserted = jdbc.sql("""
                        INSERT INTO evidence_blob (sha256, size, content_type, chunk_size, chunk_hashes, upload_id, stored_at)
                        VALUES (:sha256, :size, :type, :chunkSize, :hashes, :upload, :at)
                        ON CONFLICT (sha256) DO NOTHING""")
                .param("sha256", sha256).param("size", size).param("type", contentType)
                .param("chunkSize", chunkSize).param("hashes", chunkHashes).param("upload", upload.id())
                .param("at", Timestamp.from(Instant.now())).update();
        if (inserted == 0 && !restores(upload, sha256, chunkSize)) {
            upload.abort();
        }
        return blob(sha256).orElseThrow();
    }

    /**
     * Whether {@code upload}, of a content stored already, now holds the blob's bytes because the blob's own were
     * missing from this store (then they are the blob's, else the upload deletes them).
     */
    abstract boolean restores(Writer upload, String sha256, int chunkSize);

    public Optional<Blob> blob(String sha256) {
        return jdbc.sql("SELECT * FROM evidence_blob WHERE sha256 = :sha256").param("sha256", sha256)
                .query((row, n) -> new Blob(row.getString("sha256"), row.getLong("size"),
                        row.getString("content_type"), row.getInt("chunk_size"), row.getBytes("chunk_hashes"),
                        row.getObject("upload_id", UUID.class)))
                .optional();
    }

    /** Chunks {@code first..last} of the blob as stored, in order. */
    abstract Chunks read(Blob blob, int first, int last);

    /**
     * The first chunk in {@code first..last} whose stored bytes no longer hash as listed, or that is missing: checked
     * before any byte of a download goes out.
     */
    abstract OptionalInt firstAltered(Blob blob, int first, int last);

    /** The check of {@link #firstAltered} on the stored bytes themselves, read through {@link #read}. */
    final OptionalInt firstAlteredAsRead(Blob blob, int first, int last) {
        try (Chunks chunks = read(blob, first, last)) {
            MessageDigest digest = Hashes.sha256();
            for (int seq = first; seq <= last; seq++) {
                byte[] data = chunks.next();
                if (!MessageDigest.isEqual(digest.digest(data), Hashes.chunk(blob.chunkHashes(), seq))) {
                    return OptionalInt.of(seq);
                }
            }
            return OptionalInt.empty();
        }
    }

    protected JdbcClient jdbc() {
        return jdbc;
    }
}
