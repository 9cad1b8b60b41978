package io.jointops.audit;

/** Lower-case hexadecimal, the form every hash takes in checkpoints, bundles and messages. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    public static java.util.List<String> encodeAll(java.util.List<byte[]> hashes) {
        return hashes.stream().map(Hex::encode).toList();
    }

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            VALUES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            VALUES['a' + i] = (byte) (10 + i);
            VALUES['A' + i] = (byte) (10 + i);
        }
    }

    /** Decodes hexadecimal (either case); throws {@link IllegalArgumentException} naming the fault. */
    public static byte[] decode(String hex) {
        int length = hex.length();
        if (length % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + length + ")");
        }
        byte[] chars = hex.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[length / 2];
        int bad = 0;
        for (int i = 0, j = 0; i < out.length; i++, j += 2) {
            int high = VALUES[chars[j] & 0x7F];
            int low = VALUES[chars[j + 1] & 0x7F];
            bad |= high | low | chars[j] | chars[j + 1]; // negative if any is not a hex digit or not ASCII
            out[i] = (byte) ((high << 4) | low);
        }
        if (bad < 0) {
            for (int i = 0; i < length; i++) {
                digit(hex, i);
            }
        }
        return out;
    }

    /** A 32-byte hash in hex; throws naming {@code what} if it is not one. */
    public static byte[] hash(String hex, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        byte[] hash;
        try {
            hash = decode(hex);
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
        return encode(hash).substring(0, Math.min(16, hash.length * 2));
    }

    private static int digit(String hex, int index) {
        char c = hex.charAt(index);
        int value = c < 128 ? VALUES[c] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("'" + c + "' at " + index + " is not a hex digit");
        }
        return value;
    }
}
