package io.jointops.audit;

import java.util.HexFormat;

/**
 * Hashes as checkpoints, bundles and messages write them: lower-case hexadecimal ({@link HexFormat#of()} encodes and
 * decodes); what is added here is the check that a value is a hash, naming the field that is not.
 */
public final class Hex {

    private Hex() {
    }

    /** A 32-byte hash in hex; throws naming {@code what} if it is not one. */
    public static byte[] hash(String hex, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hexadecimal: " + e.getMessage());
        }
        if (hash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException(what + " has " + hash.length + " bytes, not " + Merkle.HASH_SIZE);
        }
        return hash;
    }

    /** The first bytes of a hash, for messages. */
    public static String shortHash(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, Math.min(8, hash.length));
    }
}
