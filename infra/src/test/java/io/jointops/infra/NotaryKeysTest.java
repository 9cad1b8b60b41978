package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class NotaryKeysTest {

    @Test
    void eachAgencysPublicKeyIsWrittenBesideItsKeyAndIsThatKeysPublicKey(@TempDir Path workDir) throws Exception {
        assertThat(NotaryKeys.arguments(workDir)).containsExactly(
                "--jointops.notary.agencies.CN-NNCC.private-key-file=" + workDir.resolve("keys/cn-nncc.pem"),
                "--jointops.notary.agencies.US-DEA.private-key-file=" + workDir.resolve("keys/us-dea.pem"));
        for (String agency : NotaryKeys.AGENCIES) {
            assertPair(workDir.resolve("keys/" + agency.toLowerCase() + ".pem"), NotaryKeys.publicKeyFile(workDir, agency));
        }
        // a work directory from before public keys were written gets them at the next start, from the kept keys
        Path cn = NotaryKeys.publicKeyFile(workDir, "CN-NNCC");
        String before = Files.readString(cn);
        Files.delete(cn);
        NotaryKeys.arguments(workDir);
        assertThat(Files.readString(cn)).isEqualTo(before);
    }

    private static void assertPair(Path privateFile, Path publicFile) throws Exception {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
        PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(der(publicFile)));
        byte[] message = "jointops-checkpoint/v1\n".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).as(publicFile + " is the public key of " + privateFile).isTrue();
        assertThat(Files.readString(publicFile)).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    private static byte[] der(Path pem) throws Exception {
        return Base64.getDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
