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

    /** Decodes hexadecimal (either case); throws {@link IllegalArgumentException} naming the fault. */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + hex.length() + ")");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
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

    private static int digit(CharSequence hex, int index) {
        char c = hex.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("'" + c + "' at " + index + " is not a hex digit");
    }
}
