package io.jointops.notary;

import io.jointops.audit.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the notary's configuration allows: at most one agency's private key in the notary, in-process co-signers only
 * for participating agencies with their own key and state file, and readiness (notaryKeys) DOWN without agencies.
 */
class NotaryKeysConfigurationTest {

    static final KeyPair CN = Ed25519.generate();
    static final KeyPair US = Ed25519.generate();

    @Test
    void theNotaryHoldsAtMostOneAgencysPrivateKey() {
        NotaryProperties properties = new NotaryProperties();
        properties.getAgencies().put("CN-NNCC", agency(Ed25519.pem(CN.getPrivate()), null));
        properties.getAgencies().put("US-DEA", agency(Ed25519.pem(US.getPrivate()), null));
        assertThatThrownBy(() -> AgencyKeys.load(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds the private keys of [CN-NNCC, US-DEA], but it may hold at most one");

        properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(US.getPublic())));
        assertThat(AgencyKeys.load(properties).names()).containsExactly("CN-NNCC", "US-DEA");
    }

    @Test
    void anInProcessCoSignerNeedsAParticipatingAgencyItsOwnKeyAndAStateFile(@TempDir Path dir) throws Exception {
        NotaryProperties properties = new NotaryProperties();
        properties.getAgencies().put("CN-NNCC", agency(Ed25519.pem(CN.getPrivate()), null));
        NotaryProperties.CoSigner us = new NotaryProperties.CoSigner();
        us.setPrivateKey(Ed25519.pem(US.getPrivate()));
        us.setStateFile(dir.resolve("us-dea.state").toString());
        properties.getCoSigners().put("US-DEA", us);
        assertThatThrownBy(() -> InProcessCoSigners.load(properties, AgencyKeys.load(properties)))
                .hasMessageContaining("US-DEA is not a participating agency");

        properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(Ed25519.generate().getPublic())));
        assertThatThrownBy(() -> InProcessCoSigners.load(properties, AgencyKeys.load(properties)))
                .hasMessageContaining("the private key is not that of the public key configured for US-DEA");

        properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(US.getPublic())));
        NotaryProperties.CoSigner cn = new NotaryProperties.CoSigner();
        cn.setPrivateKey(Ed25519.pem(CN.getPrivate()));
        cn.setStateFile(dir.resolve("cn-nncc.state").toString());
        properties.getCoSigners().put("CN-NNCC", cn);
        assertThatThrownBy(() -> InProcessCoSigners.load(properties, AgencyKeys.load(properties)))
                .hasMessageContaining("the notary already signs for CN-NNCC itself");

        properties.getCoSigners().remove("CN-NNCC");
        InProcessCoSigners loaded = InProcessCoSigners.load(properties, AgencyKeys.load(properties));
        assertThat(loaded.isEmpty()).isFalse();
        assertThat(Files.readString(dir.resolve("us-dea.state"))).as("first use: the empty tree")
                .contains("agency=US-DEA\nsize=0\n");
    }

    @Test
    void withoutAnAgencyTheNotaryIsNotReady() {
        NotaryConfiguration configuration = new NotaryConfiguration();
        assertThat(configuration.notaryKeysHealthIndicator(new AgencyKeys(Map.of())).health().getStatus())
                .isEqualTo(Status.DOWN);
        NotaryProperties properties = new NotaryProperties();
        properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(US.getPublic())));
        assertThat(configuration.notaryKeysHealthIndicator(AgencyKeys.load(properties)).health().getStatus())
                .isEqualTo(Status.UP);
    }

    private static NotaryProperties.Agency agency(String privateKey, String publicKey) {
        NotaryProperties.Agency agency = new NotaryProperties.Agency();
        agency.setPrivateKey(privateKey);
        agency.setPublicKey(publicKey);
        return agency;
    }
}
