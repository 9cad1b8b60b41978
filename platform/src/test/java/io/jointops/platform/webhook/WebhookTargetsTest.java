package io.jointops.platform.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhooks reach public https hosts only: no plain http, no credentials, no private, loopback or metadata address. */
class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(false);
    private final WebhookTargets tests = new WebhookTargets(true);

    @Test
    void anHttpsUrlOfAPublicHostIsAccepted() {
        assertThat(targets.check("https://partner.example.org/hooks/jointops?x=1").toString())
                .isEqualTo("https://partner.example.org/hooks/jointops?x=1");
        assertThat(targets.check("https://93.184.216.34:8443/h")).isNotNull();
        assertThat(targets.check("https://[2606:2800:220:1:248:1893:25c8:1946]/h")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example.org/hook", "ftp://partner.example.org/", "partner.example.org/hook",
            "https:///path", "https://user:pw@partner.example.org/", "https://partner.example.org/#frag", "", " ",
            "https://partner example.org/"})
    void whatIsNoHttpsUrlOfAHostIsRefused(String url) {
        assertThatThrownBy(() -> targets.check(url)).isInstanceOf(WebhookTargets.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1.2.3:8443/", "https://localhost/", "https://a.localhost/",
            "https://[::1]/", "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data/", "https://0.0.0.0/", "https://[::]/", "https://[fd00::1]/",
            "https://[fe80::1]/", "https://100.64.0.1/", "https://224.0.0.1/", "https://[::ffff:10.0.0.1]/",
            "https://[64:ff9b::a00:1]/"})
    void privateLoopbackAndOddAddressesAreRefused(String url) {
        assertThatThrownBy(() -> targets.check(url)).isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageStartingWith("must not be").satisfiesAnyOf(
                        e -> assertThat(e).hasMessageContaining("address"),
                        e -> assertThat(e).hasMessageContaining("localhost"));
    }

    @Test
    void aNumberThatIsNoAddressIsRefused() {
        assertThatThrownBy(() -> targets.check("https://999.1.1.1/")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> targets.check("https://2130706433/")).isInstanceOf(WebhookTargets.Refused.class);
    }

    @Test
    void loopbackOnlyWhenConfiguredAndPrivateNetworksNever() {
        assertThat(tests.check("https://127.0.0.1:9443/hook")).isNotNull();
        assertThat(tests.check("https://localhost:9443/hook")).isNotNull();
        assertThatThrownBy(() -> tests.check("https://10.0.0.1/")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> tests.check("https://169.254.169.254/")).isInstanceOf(WebhookTargets.Refused.class);
    }

    @Test
    void aDeliveryChecksEachResolvedAddress() throws Exception {
        assertThat(targets.refusal(InetAddress.getByName("93.184.216.34"))).isNull();
        assertThat(targets.refusal(InetAddress.getByName("127.0.0.1"))).isEqualTo("a loopback address");
        assertThat(tests.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(targets.refusal(InetAddress.getByName("10.0.0.7"))).isEqualTo("a private address");
        assertThat(tests.refusal(InetAddress.getByName("169.254.169.254"))).isEqualTo("a link-local address");
    }
}
