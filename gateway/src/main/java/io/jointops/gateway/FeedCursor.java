package io.jointops.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner feed's cursor: where an agency has read up to in each service's part of the feed, sealed (AES-256-GCM
 * under the gateway's key, the agency as associated data) so a client learns nothing from it (the positions count
 * every agency's rows, ARCHITECTURE "No global positions for agencies") and can change nothing in it: a forged or
 * altered cursor, or another agency's, does not open. Each seal has a fresh nonce, so two cursors at the same place
 * do not look alike either.
 * <p>
 * Layout before encoding: version 1, a 12-byte nonce, the encrypted positions (8 bytes per service in
 * {@link #CONTEXTS} order), the 16-byte tag; base64url without padding.
 */
final class FeedCursor {

    /** The services' parts of the feed, in the cursor's (and the merge's tie-breaking) order. */
    static final List<String> CONTEXTS = List.of("cases", "intel", "finance", "chemicals");

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int SEALED = 1 + NONCE + CONTEXTS.size() * Long.BYTES + TAG_BITS / 8;

    /** The cursor does not open: forged, altered, another agency's, or sealed under another key. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 random bytes, base64 (standard or url-safe) */
    FeedCursor(String base64Key) {
        byte[] bytes = decodeKey(base64Key);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("jointops.feed.cursor-key must be 32 random bytes in base64 (got "
                    + bytes.length + " bytes)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** The start of the feed: nothing read in any service. */
    static long[] start() {
        return new long[CONTEXTS.size()];
    }

    String seal(String agency, long[] positions) {
        ByteBuffer plain = ByteBuffer.allocate(CONTEXTS.size() * Long.BYTES);
        for (long position : positions) {
            plain.putLong(position);
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, agency);
            byte[] sealed = cipher.doFinal(plain.array());
            ByteBuffer out = ByteBuffer.allocate(SEALED).put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    long[] open(String agency, String cursor) throws Invalid {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new Invalid("not a cursor of this feed");
        }
        if (bytes.length != SEALED || bytes[0] != VERSION) {
            throw new Invalid("not a cursor of this feed");
        }
        byte[] nonce = new byte[NONCE];
        System.arraycopy(bytes, 1, nonce, 0, NONCE);
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, nonce, agency).doFinal(bytes, 1 + NONCE, bytes.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            // the tag does not match: altered, forged, another agency's, or an old key's
            throw new Invalid("not a cursor of this feed for your agency");
        }
        ByteBuffer positions = ByteBuffer.wrap(plain);
        long[] opened = new long[CONTEXTS.size()];
        for (int i = 0; i < opened.length; i++) {
            opened[i] = positions.getLong();
        }
        return opened;
    }

    private Cipher cipher(int mode, byte[] nonce, String agency) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("jointops-feed-cursor-v1:" + agency).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decodeKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("jointops.feed.cursor-key is not set: 32 random bytes in base64, the same"
                    + " on every gateway replica and kept across restarts (a new key makes every partner's cursor invalid)");
        }
        String key = base64Key.strip();
        try {
            return key.contains("-") || key.contains("_") ? Base64.getUrlDecoder().decode(key) : Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jointops.feed.cursor-key is not base64", e);
        }
    }
}
