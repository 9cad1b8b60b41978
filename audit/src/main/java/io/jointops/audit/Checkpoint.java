package io.jointops.audit;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A checkpoint (signed tree head) of the log: the tree of the first {@code treeSize} events in global order has root
 * {@code rootHash}; the last of them is at global position {@code lastPosition}; issued at {@code time}; to be signed
 * by each of {@code agencies}. What each agency signs with Ed25519 is {@link #signedBody()}:
 * <pre>
 * jointops-checkpoint/v1
 * origin=&lt;origin&gt;
 * size=&lt;tree size&gt;
 * root=&lt;root hash, hex&gt;
 * time=&lt;ISO-8601 instant, UTC&gt;
 * last-position=&lt;global position of the last leaf; 0 for the empty tree&gt;
 * agencies=&lt;the participating agencies, sorted, comma-separated&gt;
 * </pre>
 * each line ending in a line feed, UTF-8. The checkpoint is complete once every listed agency has signed it.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String time, long lastPosition,
                         List<String> agencies) {

    public static final String VERSION = "jointops-checkpoint/v1";
    /** What an origin or an agency name may be. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Checkpoint {
        if (origin == null || !NAME.matcher(origin).matches()) {
            throw new IllegalArgumentException("origin must be 1-64 of A-Z a-z 0-9 . _ -, not " + origin);
        }
        if (treeSize < 0 || lastPosition < 0) {
            throw new IllegalArgumentException("tree size and last position cannot be negative");
        }
        if (rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has " + Merkle.HASH_SIZE + " bytes");
        }
        try {
            Instant.parse(time);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("time must be an ISO-8601 instant, not " + time);
        }
        agencies = List.copyOf(agencies);
        for (int i = 0; i < agencies.size(); i++) {
            if (!NAME.matcher(agencies.get(i)).matches()) {
                throw new IllegalArgumentException("agency must be 1-64 of A-Z a-z 0-9 . _ -, not " + agencies.get(i));
            }
            if (i > 0 && agencies.get(i - 1).compareTo(agencies.get(i)) >= 0) {
                throw new IllegalArgumentException("agencies must be sorted and distinct: " + agencies);
            }
        }
    }

    public String signedBody() {
        return VERSION + "\n"
                + "origin=" + origin + "\n"
                + "size=" + treeSize + "\n"
                + "root=" + HexFormat.of().formatHex(rootHash) + "\n"
                + "time=" + time + "\n"
                + "last-position=" + lastPosition + "\n"
                + "agencies=" + String.join(",", agencies) + "\n";
    }

    public byte[] signedBytes() {
        return signedBody().getBytes(StandardCharsets.UTF_8);
    }

    /** One agency's Ed25519 signature of a checkpoint's {@link #signedBody()}, base64; keyId names its key. */
    public record Signature(String agency, String keyId, String signature) {
    }
}
