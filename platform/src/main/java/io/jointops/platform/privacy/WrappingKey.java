package io.jointops.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.UUID;

/**
 * The key that wraps the data subjects' keys before they are stored, kept in a key management service or HSM and
 * used through PKCS#11 (the JDK's SunPKCS11 provider): it never leaves the device, so a copy of the database (a
 * backup, a stolen disk, a replica) holds no usable subject key without it. Each subject key is encrypted with
 * AES-GCM under it, bound to the key's id (the associated data), so a wrapped key moved to another row does not
 * unwrap. Configured by {@code jointops.privacy.wrapping-key.*} (docs/privacy.md); without it keys are stored as
 * they are, protected by the database's roles only.
 */
public final class WrappingKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String name;
    private final Provider provider;
    private final Key key;

    private WrappingKey(String name, Provider provider, Key key) {
        this.name = name;
        this.provider = provider;
        this.key = key;
    }

    /**
     * The AES key labelled {@code label} on the PKCS#11 token in {@code slot} of {@code library} (e.g. SoftHSM's
     * {@code /usr/lib/softhsm/libsofthsm2.so}, a cloud HSM's or a KMS's PKCS#11 library), logged in with {@code pin}.
     */
    public static WrappingKey pkcs11(String library, long slot, char[] pin, String label) {
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=jointops-wrapping-key\nlibrary=" + library + "\nslot=" + slot + "\n");
        try {
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
            Key key = token.getKey(label, null);
            if (key == null || !"AES".equals(key.getAlgorithm())) {
                throw new IllegalStateException("no AES key labelled '" + label + "' on the token in slot " + slot
                        + " of " + library + " (jointops.privacy.wrapping-key.label)");
            }
            return new WrappingKey("pkcs11:" + label, provider, key);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the wrapping key's token (slot " + slot + " of " + library
                    + ") could not be opened: " + e.getMessage(), e);
        }
    }

    /** What each wrapped key's row records, so that a key wrapped by another key is refused by name, not garbled. */
    public String name() {
        return name;
    }

    /** {@code raw} encrypted for the row of key {@code keyId}: the IV, then the ciphertext and its tag. */
    byte[] wrap(UUID keyId, byte[] raw) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, iv, raw);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    /** The key {@link #wrap} wrapped for key {@code keyId}; refuses one wrapped for another row or changed. */
    byte[] unwrap(UUID keyId, byte[] wrapped) {
        if (wrapped.length <= IV_BYTES) {
            throw new IllegalStateException("the stored key " + keyId + " is not a wrapped key");
        }
        return cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(wrapped, IV_BYTES),
                Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length));
    }

    private byte[] cipher(int mode, UUID keyId, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored key " + keyId + " does not unwrap with " + name
                    + " (changed, moved from another row, or wrapped by another key)", e);
        }
    }
}
