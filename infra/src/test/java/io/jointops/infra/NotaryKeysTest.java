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
        // the notary gets the public keys only; each agency's key goes to its co-signer, with its own state file
        assertThat(NotaryKeys.arguments(workDir)).containsExactly(
                "--jointops.notary.agencies.CN-NNCC.public-key-file=" + workDir.resolve("keys/cn-nncc.pub.pem"),
                "--jointops.notary.co-signers.CN-NNCC.private-key-file=" + workDir.resolve("keys/cn-nncc.pem"),
                "--jointops.notary.co-signers.CN-NNCC.state-file=" + workDir.resolve("cosigners/cn-nncc.state"),
                "--jointops.notary.agencies.US-DEA.public-key-file=" + workDir.resolve("keys/us-dea.pub.pem"),
                "--jointops.notary.co-signers.US-DEA.private-key-file=" + workDir.resolve("keys/us-dea.pem"),
                "--jointops.notary.co-signers.US-DEA.state-file=" + workDir.resolve("cosigners/us-dea.state"));
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

    @Test
    void theCoSignersStatesStartAfreshForANewDatabaseOnly(@TempDir Path workDir) throws Exception {
        Path control = workDir.resolve("pgdata/global/pg_control");
        Files.createDirectories(control.getParent());
        Files.write(control, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 42});
        Path state = NotaryKeys.coSignerStates(workDir).resolve("us-dea.state");
        Files.writeString(state, "jointops-cosigner/v1\nsize=7\n");

        NotaryKeys.coSignerStates(workDir);
        assertThat(state).as("the same database: the state is kept").hasContent("jointops-cosigner/v1\nsize=7\n");

        Files.write(control, new byte[]{9, 2, 3, 4, 5, 6, 7, 8, 42}); // initialised anew: another system identifier
        NotaryKeys.coSignerStates(workDir);
        assertThat(state).as("another database, another log").doesNotExist();
        assertThat(workDir.resolve("cosigners.previous/us-dea.state")).hasContent("jointops-cosigner/v1\nsize=7\n");
        assertThat(workDir.resolve("cosigners/database")).hasContent("0902030405060708\n");
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
