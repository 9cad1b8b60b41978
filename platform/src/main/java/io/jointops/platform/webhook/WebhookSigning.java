package io.jointops.platform.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How deliveries are signed, as Stripe signs its webhooks: header {@value #SIGNATURE_HEADER}
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code <t>.<body>}, keyed with the webhook's secret (its UTF-8
 * bytes, {@code whsec_...} included). Each webhook's secret is derived from the deployment's key
 * ({@code jointops.webhooks.signing-key}) and the webhook's id with HMAC-SHA256, so no secret is stored anywhere, not
 * in the events, not in a table: the service that registers a webhook shows it once, every service that delivers
 * derives it again. A new secret is a new webhook (register, then delete the old one); a new deployment key changes
 * every secret.
 * <p>
 * The receiver checks, in this order ({@link #verify}): the signature over the timestamp and the raw body, the
 * timestamp within its tolerance (a late or replayed request falls outside it), and that it has not processed the
 * delivery id (the body's {@code id}, signed, which every attempt of one delivery repeats) before.
 */
public final class WebhookSigning {

    public static final String SIGNATURE_HEADER = "JointOps-Signature";
    /** The delivery's id, also the body's {@code id}: the same on each attempt of the delivery. */
    public static final String DELIVERY_HEADER = "JointOps-Delivery";
    public static final String WEBHOOK_HEADER = "JointOps-Webhook";
    /** What a receiver should accept between a delivery's timestamp and its own clock, as Stripe's libraries do. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SECRET_PREFIX = "whsec_";
    private static final byte[] SECRET_CONTEXT = "jointops-webhook-secret-v1:".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;

    /** @param base64Key the deployment's key: at least 32 random bytes, base64 (standard or url-safe) */
    public WebhookSigning(String base64Key) {
        byte[] bytes;
        try {
            String given = base64Key == null ? "" : base64Key.strip();
            bytes = given.contains("-") || given.contains("_") ? Base64.getUrlDecoder().decode(given)
                    : Base64.getDecoder().decode(given);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < 32) {
            throw new IllegalArgumentException("jointops.webhooks.signing-key must be at least 32 random bytes in "
                    + "base64 (got " + bytes.length + " bytes): every service signs webhook deliveries with it");
        }
        this.key = bytes;
    }

    /** The signing secret of webhook {@code webhookId}: the same in every service, for as long as the key is. */
    public String secret(String webhookId) {
        Mac mac = mac(key);
        mac.update(SECRET_CONTEXT);
        byte[] derived = mac.doFinal(webhookId.getBytes(StandardCharsets.UTF_8));
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
    }

    /** The signature header's value for {@code body} sent at {@code timestamp} (unix seconds). */
    public static String signature(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }

    /** What a receiver's check of a delivery found. */
    public enum Verdict {
        /** Signed with the secret, and recent: accept it unless its id was processed before. */
        VALID,
        /** No {@code t=} or {@code v1=} in the header. */
        MALFORMED,
        /** No {@code v1} signature matches: not from the platform, or the body was changed. */
        BAD_SIGNATURE,
        /** Signed, but its timestamp is outside the tolerance: a late or replayed request. */
        OUTSIDE_TOLERANCE
    }

    /**
     * The receiver's check of a delivery: the signature over {@code <t>.<body>} (any of the header's {@code v1}
     * values, in constant time), then {@code t} within {@code tolerance} of {@code now}. A receiver also remembers the
     * delivery ids it processed for at least the tolerance and answers 2xx to one seen before without acting on it.
     */
    public static Verdict verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return Verdict.MALFORMED;
        }
        Long timestamp = null;
        java.util.List<byte[]> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            try {
                if (name.equals("t")) {
                    timestamp = Long.parseLong(value);
                } else if (name.equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sign(secret, timestamp, body);
        boolean matches = false;
        for (byte[] signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches) {
            return Verdict.BAD_SIGNATURE;
        }
        long age = now.getEpochSecond() - timestamp;
        return Math.abs(age) > tolerance.toSeconds() ? Verdict.OUTSIDE_TOLERANCE : Verdict.VALID;
    }

    private static byte[] sign(String secret, long timestamp, byte[] body) {
        Mac mac = mac(secret.getBytes(StandardCharsets.UTF_8));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
