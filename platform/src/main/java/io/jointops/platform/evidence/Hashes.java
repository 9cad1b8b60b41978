package io.jointops.platform.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the evidence code uses it: lower-case hex, and the hash of a file's list of chunk hashes. */
final class Hashes {

    private Hashes() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** SHA-256 over the chunks' SHA-256s in order (32 bytes each, concatenated), as hex. */
    static String chunkList(byte[] chunkHashes) {
        return hex(sha256().digest(chunkHashes));
    }

    /** The SHA-256 of chunk {@code seq} in a list of chunk hashes. */
    static byte[] chunk(byte[] chunkHashes, int seq) {
        byte[] hash = new byte[32];
        System.arraycopy(chunkHashes, seq * 32, hash, 0, 32);
        return hash;
    }
}
