package io.jointops.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy's text form: what it reads, and each way of getting it wrong named with its line. */
class TrustPolicyTest {

    final KeyPair cn = Ed25519.generate();
    final KeyPair us = Ed25519.generate();

    @Test
    void theTextFormReadsOriginAgenciesAndQuorumAndRoundTrips() {
        TrustPolicy policy = TrustPolicy.parse("""
                # JointOps audit log, as agreed with CN-NNCC and US-DEA
                origin jointops

                agency US-DEA %s
                agency CN-NNCC   %s   # key id as published
                quorum 1
                """.formatted(Ed25519.encode(us.getPublic()), Ed25519.encode(cn.getPublic())));
        assertThat(policy.origin()).isEqualTo("jointops");
        assertThat(policy.agencies()).containsOnlyKeys("CN-NNCC", "US-DEA");
        assertThat(policy.agencies().get("US-DEA").getEncoded()).isEqualTo(us.getPublic().getEncoded());
        assertThat(policy.requiresAll()).isFalse();
        assertThat(policy.required()).isEqualTo(1);
        assertThat(policy.describe()).isEqualTo("1 of CN-NNCC, US-DEA");
        assertThat(TrustPolicy.parse(policy.text()).text()).isEqualTo(policy.text());

        TrustPolicy all = TrustPolicy.parse("origin jointops\nagency CN-NNCC " + Ed25519.encode(cn.getPublic()) + "\n");
        assertThat(all.requiresAll()).isTrue();
        assertThat(all.describe()).isEqualTo("all of CN-NNCC");
        assertThat(TrustPolicy.parse(all.text()).requiresAll()).isTrue();
    }

    @Test
    void eachMistakeIsNamedWithItsLine() {
        String cnKey = Ed25519.encode(cn.getPublic());
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagnecy CN-NNCC " + cnKey))
                .hasMessage("line 2: 'agnecy' is not a setting (origin, agency, quorum)");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\norigin jointops-staging"))
                .hasMessageContaining("line 2: the origin is given twice");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagency CN-NNCC\n"))
                .hasMessageContaining("line 2: write 'agency NAME PUBLIC-KEY'");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagency CN-NNCC notakey"))
                .hasMessageContaining("line 2: not an Ed25519 public key");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagency CN-NNCC " + cnKey + "\nquorum most"))
                .hasMessageContaining("line 3: a quorum is 'all' or a number, not 'most'");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagency CN-NNCC " + cnKey + "\nquorum 0"))
                .hasMessageContaining("line 3: a quorum is 1 or more");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\nagency CN-NNCC " + cnKey + "\nquorum 2"))
                .hasMessageContaining("a quorum of 2 cannot be met by the 1 trusted agencies CN-NNCC");
        assertThatThrownBy(() -> TrustPolicy.parse("agency CN-NNCC " + cnKey))
                .hasMessageContaining("the policy names no origin");
        assertThatThrownBy(() -> TrustPolicy.parse("origin jointops\n"))
                .hasMessageContaining("the policy trusts no agency");
        assertThatThrownBy(() -> TrustPolicy.parse("origin joint ops"))
                .hasMessageContaining("line 1: write 'origin NAME'");
    }

    @Test
    void oneKeyCannotStandForTwoAgencies() {
        // else a quorum of 2 would be met by whoever holds that one key
        assertThatThrownBy(() -> TrustPolicy.quorum("jointops", Map.of("CN-NNCC", cn.getPublic(),
                "US-DEA", cn.getPublic()), 2)).hasMessageContaining("have the same key")
                .hasMessageContaining("one signer would count twice");
    }

    @Test
    void onlyEd25519KeysAreTrusted() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertThatThrownBy(() -> TrustPolicy.all("jointops", Map.of("CN-NNCC", ed448.getPublic())))
                .hasMessageContaining("the key of CN-NNCC is not an Ed25519 key");
    }
}
