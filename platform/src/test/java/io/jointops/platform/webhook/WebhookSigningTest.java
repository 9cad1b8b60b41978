package io.jointops.platform.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliveries are signed as Stripe signs its webhooks, with per-webhook secrets derived from the deployment's key. */
class WebhookSigningTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final byte[] BODY = "{\"id\":\"d-1\",\"event\":{\"type\":\"CaseOpenedEvent\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aWebhooksSecretFollowsFromTheKeyAndItsIdAlone() {
        WebhookSigning signing = new WebhookSigning(KEY);
        String secret = signing.secret("7f1c2d3e-0000-4000-8000-000000000001");

        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 43); // 32 bytes, base64url unpadded
        assertThat(new WebhookSigning(KEY).secret("7f1c2d3e-0000-4000-8000-000000000001"))
                .as("every service derives the same secret").isEqualTo(secret);
        assertThat(signing.secret("7f1c2d3e-0000-4000-8000-000000000002")).as("another webhook").isNotEqualTo(secret);
        assertThat(new WebhookSigning(OTHER_KEY).secret("7f1c2d3e-0000-4000-8000-000000000001"))
                .as("another deployment key").isNotEqualTo(secret);
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBodyKeyedWithTheSecret() throws Exception {
        String secret = new WebhookSigning(KEY).secret("w-1");
        String header = WebhookSigning.signature(secret, 1_700_000_000L, BODY);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1700000000.".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(mac.doFinal(BODY));
        assertThat(header).isEqualTo("t=1700000000,v1=" + expected);
    }

    @Test
    void aReceiverAcceptsOnlyTheRightSecretTheUnchangedBodyAndARecentTimestamp() {
        String secret = new WebhookSigning(KEY).secret("w-1");
        Instant sent = Instant.ofEpochSecond(1_700_000_000L);
        String header = WebhookSigning.signature(secret, sent.getEpochSecond(), BODY);
        Duration tolerance = WebhookSigning.DEFAULT_TOLERANCE;

        assertThat(WebhookSigning.verify(secret, header, BODY, sent.plusSeconds(30), tolerance))
                .isEqualTo(WebhookSigning.Verdict.VALID);
        assertThat(WebhookSigning.verify(new WebhookSigning(KEY).secret("w-2"), header, BODY, sent, tolerance))
                .as("another webhook's secret").isEqualTo(WebhookSigning.Verdict.BAD_SIGNATURE);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("d-1", "d-2").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSigning.verify(secret, header, changed, sent, tolerance))
                .as("a changed body (another delivery id)").isEqualTo(WebhookSigning.Verdict.BAD_SIGNATURE);
        String otherTime = header.replace("t=1700000000", "t=1700000900");
        assertThat(WebhookSigning.verify(secret, otherTime, BODY, sent.plusSeconds(900), tolerance))
                .as("a timestamp moved forward to pass the tolerance").isEqualTo(WebhookSigning.Verdict.BAD_SIGNATURE);
        assertThat(WebhookSigning.verify(secret, header, BODY, sent.plus(tolerance).plusSeconds(1), tolerance))
                .as("replayed after the tolerance").isEqualTo(WebhookSigning.Verdict.OUTSIDE_TOLERANCE);
        assertThat(WebhookSigning.verify(secret, header, BODY, sent.minus(tolerance).minusSeconds(1), tolerance))
                .as("dated in the future").isEqualTo(WebhookSigning.Verdict.OUTSIDE_TOLERANCE);
        assertThat(WebhookSigning.verify(secret, "v1=" + header.substring(header.indexOf("v1=") + 3), BODY, sent, tolerance))
                .as("no timestamp").isEqualTo(WebhookSigning.Verdict.MALFORMED);
        assertThat(WebhookSigning.verify(secret, null, BODY, sent, tolerance)).isEqualTo(WebhookSigning.Verdict.MALFORMED);
        assertThat(WebhookSigning.verify(secret, "t=1700000000,v1=zz", BODY, sent, tolerance))
                .isEqualTo(WebhookSigning.Verdict.MALFORMED);
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedAtStart() {
        assertThatThrownBy(() -> new WebhookSigning(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("jointops.webhooks.signing-key").hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new WebhookSigning("")).hasMessageContaining("jointops.webhooks.signing-key");
        assertThatThrownBy(() -> new WebhookSigning("not base64 !")).hasMessageContaining("jointops.webhooks.signing-key");
    }
}
