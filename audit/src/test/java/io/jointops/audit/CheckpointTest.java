package io.jointops.audit;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.security.KeyPair;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    @Test
    void theSignedBodyIsTheDocumentedText() {
        Checkpoint checkpoint = new Checkpoint("jointops", 8, HexFormat.of().parseHex(MerkleTreeTest.ROOTS[8]),
                "2025-06-15T15:06:40.123Z", 9, List.of("CN-NNCC", "US-DEA"));
        assertThat(checkpoint.signedBody()).isEqualTo("""
                jointops-checkpoint/v1
                origin=jointops
                size=8
                root=5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328
                time=2025-06-15T15:06:40.123Z
                last-position=9
                agencies=CN-NNCC,US-DEA
                """);
    }

    @Test
    void aSignatureVerifiesOnlyForTheSignedBodyAndKey() {
        KeyPair keys = Ed25519.generate();
        Checkpoint checkpoint = new Checkpoint("jointops", 8, HexFormat.of().parseHex(MerkleTreeTest.ROOTS[8]),
                "2025-06-15T15:06:40.123Z", 9, List.of("CN-NNCC"));
        byte[] signature = Ed25519.sign(keys.getPrivate(), checkpoint.signedBytes());
        assertThat(Ed25519.verify(keys.getPublic(), checkpoint.signedBytes(), signature)).isTrue();
        Checkpoint other = new Checkpoint("jointops", 8, HexFormat.of().parseHex(MerkleTreeTest.ROOTS[7]),
                "2025-06-15T15:06:40.123Z", 9, List.of("CN-NNCC"));
        assertThat(Ed25519.verify(keys.getPublic(), other.signedBytes(), signature)).isFalse();
        assertThat(Ed25519.verify(Ed25519.generate().getPublic(), checkpoint.signedBytes(), signature)).isFalse();
    }

    @Test
    void keysRoundTripThroughPemAndThePublicKeyIsDerivedFromThePrivateOne() {
        KeyPair keys = Ed25519.generate();
        var privateKey = Ed25519.privateKey(Ed25519.pem(keys.getPrivate()));
        var publicKey = Ed25519.publicKey(Ed25519.pem(keys.getPublic()));
        assertThat(publicKey.getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(Ed25519.publicKeyOf(privateKey).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(Ed25519.keyId(publicKey)).hasSize(16);
        assertThatThrownBy(() -> Ed25519.publicKey("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agenciesMustBeSortedAndNamesPlain() {
        assertThatThrownBy(() -> new Checkpoint("jointops", 1, new byte[32], "2025-06-15T15:06:40Z", 1,
                List.of("US-DEA", "CN-NNCC"))).hasMessageContaining("sorted");
        assertThatThrownBy(() -> new Checkpoint("jointops", 1, new byte[32], "2025-06-15T15:06:40Z", 1,
                List.of("CN,NNCC"))).hasMessageContaining("agency");
        assertThatThrownBy(() -> new Checkpoint("jointops", 1, new byte[32], "yesterday", 1, List.of()))
                .hasMessageContaining("ISO-8601");
    }
}
