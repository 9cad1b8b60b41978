package io.jointops.platform.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed delivery is tried again after doubling waits, capped, and dead-lettered after the last attempt. */
class WebhookRetriesTest {

    @Test
    void waitsDoubleFromTheFirstUpToTheLongest() {
        WebhookRetries retries = new WebhookRetries(Duration.ofSeconds(10), Duration.ofHours(1), 12);

        assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retries.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(retries.delayAfter(9)).isEqualTo(Duration.ofSeconds(2_560));
        assertThat(retries.delayAfter(10)).as("capped").isEqualTo(Duration.ofHours(1));
        assertThat(retries.delayAfter(1_000)).as("no overflow").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLastAttemptDeadLetters() {
        WebhookRetries retries = new WebhookRetries(Duration.ofSeconds(1), Duration.ofSeconds(4), 3);

        assertThat(retries.exhausted(1)).isFalse();
        assertThat(retries.exhausted(2)).isFalse();
        assertThat(retries.exhausted(3)).as("three attempts in all").isTrue();
        assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDefaultsTryAReceiverForHours() {
        WebhookRetries retries = new WebhookRetries(Duration.ofSeconds(10), Duration.ofHours(1), 12);
        Duration total = Duration.ZERO;
        for (int failed = 1; !retries.exhausted(failed); failed++) {
            total = total.plus(retries.delayAfter(failed));
        }
        assertThat(total).isBetween(Duration.ofHours(3), Duration.ofHours(4));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new WebhookRetries(Duration.ZERO, Duration.ofHours(1), 3))
                .hasMessageContaining("first must be positive");
        assertThatThrownBy(() -> new WebhookRetries(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .hasMessageContaining("longest at least first");
        assertThatThrownBy(() -> new WebhookRetries(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
                .hasMessageContaining("attempts");
    }
}
