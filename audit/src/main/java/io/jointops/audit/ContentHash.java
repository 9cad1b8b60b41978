package io.jointops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The content hash of a stored event over its canonical form, chained to the previous event of its aggregate
 * ({@code docs/audit-format.md}, "Content hash"):
 * <pre>
 * content_hash = SHA-256( "jointops-event/v1" 0x00
 *                         previous_hash                      32 bytes; 32 zero bytes for sequence 0
 *                         field(event_identifier)
 *                         field(aggregate_identifier)
 *                         u64(sequence_number)
 *                         field(type)
 *                         field(payload_type)
 *                         field(payload_revision)
 *                         field(time_stamp)
 *                         field(payload)
 *                         field(meta_data) )
 * field(x) = u32(length of x) || x    (strings as UTF-8); a null x is u32(0xFFFFFFFF) alone
 * u32, u64 = unsigned big-endian
 * </pre>
 * Instances reuse one digest and are not thread-safe.
 */
public final class ContentHash {

    public static final byte[] DOMAIN = "jointops-event/v1\0".getBytes(StandardCharsets.US_ASCII);
    /** The previous hash of an aggregate's first event. */
    public static final byte[] GENESIS = new byte[Merkle.HASH_SIZE];

    private static final int NULL = 0xFFFFFFFF;

    private final MessageDigest sha256 = Merkle.sha256();
    private final byte[] number = new byte[8];

    public byte[] of(StoredEvent event, byte[] previousHash) {
        if (previousHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a previous hash has " + Merkle.HASH_SIZE + " bytes, not " + previousHash.length);
        }
        sha256.reset();
        sha256.update(DOMAIN);
        sha256.update(previousHash);
        field(event.eventIdentifier());
        field(event.aggregateIdentifier());
        u64(event.sequenceNumber());
        field(event.type());
        field(event.payloadType());
        field(event.payloadRevision());
        field(event.timeStamp());
        field(event.payload());
        field(event.metaData());
        return sha256.digest();
    }

    private void field(String value) {
        field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void field(byte[] value) {
        if (value == null) {
            u32(NULL);
            return;
        }
        u32(value.length);
        sha256.update(value);
    }

    private void u32(int value) {
        number[0] = (byte) (value >>> 24);
        number[1] = (byte) (value >>> 16);
        number[2] = (byte) (value >>> 8);
        number[3] = (byte) value;
        sha256.update(number, 0, 4);
    }

    private void u64(long value) {
        for (int i = 0; i < 8; i++) {
            number[i] = (byte) (value >>> (56 - 8 * i));
        }
        sha256.update(number, 0, 8);
    }
}
