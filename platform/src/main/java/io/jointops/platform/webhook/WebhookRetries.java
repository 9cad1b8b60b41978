package io.jointops.platform.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling after each further one, at
 * most {@code longest} apart; after {@code attempts} failed attempts it is dead-lettered (kept, listed, not tried
 * again). The defaults (10 s, 1 h, 12) try a receiver that is down for about three and a half hours (10 s, 20 s, ... 43 min,
 * then hourly twice); the feed keeps every event all the same.
 *
 * @param first    the wait after the first failed attempt
 * @param longest  the longest wait between two attempts
 * @param attempts how many attempts a delivery gets in all
 */
public record WebhookRetries(Duration first, Duration longest, int attempts) {

    public WebhookRetries {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("jointops.webhooks.retry: first must be positive and longest at least first"
                    + " (got " + first + ", " + longest + ")");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("jointops.webhooks.retry.attempts must be at least 1 (got " + attempts + ")");
        }
    }

    /** Whether a delivery that has failed {@code failed} times is dead-lettered rather than tried again. */
    public boolean exhausted(int failed) {
        return failed >= attempts;
    }

    /** The wait before the next attempt of a delivery that has failed {@code failed} (1 or more) times. */
    public Duration delayAfter(int failed) {
        int doublings = Math.min(Math.max(failed - 1, 0), 30);
        Duration delay = first;
        for (int i = 0; i < doublings && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
