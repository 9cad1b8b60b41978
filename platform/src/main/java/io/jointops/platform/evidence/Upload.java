package io.jointops.platform.evidence;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * One upload streamed into the store: read one chunk at a time (one chunk buffer, plus the file's last
 * {@link FileTypes#TAIL} bytes for a ZIP's directory, is all it holds), its type sniffed from the first bytes and
 * checked against the declared one before anything is stored, hashed (whole file and per chunk) and counted as it
 * passes. Whatever refuses it deletes what it stored.
 */
final class Upload {

    private final EvidenceStore store;
    private final int chunkSize;

    Upload(EvidenceStore store, int chunkSize) {
        this.store = store;
        this.chunkSize = chunkSize;
    }

    /**
     * Stores the body as a file of {@code declared} (an accepted type) of at most {@code limit} bytes.
     *
     * @throws EvidenceProblem 422 naming {@code Content-Type} when the bytes are not of the declared type (or empty),
     *                         413 when the body passes the limit
     * @throws IOException     the body could not be read (the client went away, or the request's own limit)
     */
    EvidenceStore.Blob store(InputStream body, String declared, long limit) throws IOException {
        byte[] chunk = new byte[chunkSize];
        int filled = fill(body, chunk);
        if (filled == 0) {
            throw EvidenceProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Empty file", "body", "the file is empty");
        }
        FileTypes.Sniffed sniffed = FileTypes.sniff(chunk, Math.min(filled, FileTypes.HEAD));
        if (!FileTypes.compatible(declared, sniffed)) {
            throw mismatch(declared, FileTypes.describe(sniffed));
        }
        FileTypes.TextCheck text = sniffed.kind() == FileTypes.Kind.TEXT ? new FileTypes.TextCheck() : null;
        Tail tail = sniffed.kind() == FileTypes.Kind.OOXML_OR_ZIP ? new Tail(FileTypes.TAIL) : null;
        MessageDigest file = Hashes.sha256();
        MessageDigest part = Hashes.sha256();
        EvidenceStore.Writer upload = store.begin();
        boolean stored = false;
        try {
            long size = 0;
            byte[] chunkHashes = new byte[0];
            while (filled > 0) {
                size += filled;
                if (size > limit) {
                    throw tooLarge(declared, limit);
                }
                file.update(chunk, 0, filled);
                part.update(chunk, 0, filled);
                byte[] chunkHash = part.digest();
                chunkHashes = Arrays.copyOf(chunkHashes, chunkHashes.length + 32);
                System.arraycopy(chunkHash, 0, chunkHashes, chunkHashes.length - 32, 32);
                if (text != null) {
                    text.update(chunk, 0, filled);
                }
                if (tail != null) {
                    tail.update(chunk, filled);
                }
                upload.write(chunk, filled);
                filled = fill(body, chunk);
            }
            if (text != null && !text.isText()) {
                throw mismatch(declared, "binary data (not UTF-8 text)");
            }
            if (tail != null) {
                Optional<String> office = tail.ooxmlType();
                if (office.isEmpty() || !office.get().equals(declared)) {
                    throw mismatch(declared, office.orElse("a ZIP archive that is no Office document without "
                            + "macros (archives are not accepted, nor unpacked)"));
                }
            }
            EvidenceStore.Blob blob = store.finish(upload, Hashes.hex(file.digest()), size, declared, chunkSize,
                    chunkHashes);
            stored = true;
            return blob;
        } finally {
            if (!stored) {
                upload.abort();
            }
        }
    }

    static EvidenceProblem mismatch(String declared, String found) {
        return EvidenceProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Content does not match its type",
                HttpHeaders.CONTENT_TYPE, "declared " + declared + ", but the bytes are " + found)
                .with("declared", declared);
    }

    static EvidenceProblem tooLarge(String type, long limit) {
        return EvidenceProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", "body",
                "a file of " + type + " may have at most " + limit + " bytes").with("maxBytes", limit);
    }

    /** Reads until {@code buffer} is full or the body ends; how many bytes it holds. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    /** The last bytes of the file, where a ZIP keeps its directory. */
    private static final class Tail {
        private final byte[] bytes;
        private int length;

        Tail(int capacity) {
            this.bytes = new byte[capacity];
        }

        void update(byte[] chunk, int filled) {
            if (filled >= bytes.length) {
                System.arraycopy(chunk, filled - bytes.length, bytes, 0, bytes.length);
                length = bytes.length;
                return;
            }
            int keep = Math.min(length, bytes.length - filled);
            System.arraycopy(bytes, length - keep, bytes, 0, keep);
            System.arraycopy(chunk, 0, bytes, keep, filled);
            length = keep + filled;
        }

        Optional<String> ooxmlType() {
            return FileTypes.ooxmlType(bytes, length);
        }
    }
}
