package io.jointops.platform.privacy;

import javax.crypto.SecretKey;
import java.util.UUID;

/** A data subject's AES-256 key in one item, and the identifier its ciphertexts name it by. */
public record DataKey(UUID id, SecretKey key) {
}
