package io.jointops.notary;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree takes an event only when no gap below it can still be filled, as Axon's gap handling decides. */
class FrontierTest {

    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Frontier.Candidate at(long position, int secondsAgo) {
        return new Frontier.Candidate(position, NOW.minusSeconds(secondsAgo));
    }

    @Test
    void consecutivePositionsAreFinalAtOnce() {
        assertThat(Frontier.finalCount(10, List.of(at(11, 0), at(12, 0), at(13, 0)), NOW, TIMEOUT)).isEqualTo(3);
    }

    @Test
    void aFreshGapStopsTheTreeBelowIt() {
        assertThat(Frontier.finalCount(10, List.of(at(11, 0), at(13, 5), at(14, 0)), NOW, TIMEOUT)).isEqualTo(1);
        assertThat(Frontier.finalCount(10, List.of(at(12, 59)), NOW, TIMEOUT)).isZero();
    }

    @Test
    void aGapIsGivenUpOnceTheEventAfterItIsOlderThanTheTimeout() {
        assertThat(Frontier.finalCount(10, List.of(at(11, 0), at(13, 61), at(14, 0)), NOW, TIMEOUT)).isEqualTo(3);
        assertThat(Frontier.finalCount(0, List.of(at(5, 120), at(9, 1)), NOW, TIMEOUT)).isEqualTo(1);
    }

    @Test
    void nothingNewIsNothingFinal() {
        assertThat(Frontier.finalCount(10, List.of(), NOW, TIMEOUT)).isZero();
    }

    static Frontier.Candidate seen(long position, int secondsAgo, int firstSeenSecondsAgo) {
        return new Frontier.Candidate(position, NOW.minusSeconds(secondsAgo), NOW.minusSeconds(firstSeenSecondsAgo));
    }

    @Test
    void aGapIsSettledOnceNoTransactionRunsThatBeganBeforeTheEventAfterItWasSeen() {
        // the event after the gap was first seen 5 s ago; every transaction running began 2 s ago: none can fill it
        assertThat(Frontier.finalCount(10, List.of(at(11, 0), seen(13, 6, 5), at(14, 0)), NOW, TIMEOUT,
                NOW.minusSeconds(2))).isEqualTo(3);
        assertThat(Frontier.finalCount(10, List.of(seen(12, 6, 5)), NOW, TIMEOUT, Instant.MAX)).isEqualTo(1);
    }

    @Test
    void aGapStaysOpenWhileATransactionRunsThatBeganBeforeTheEventAfterItWasSeen() {
        // a transaction that began 8 s ago may hold position 12 and commit yet
        assertThat(Frontier.finalCount(10, List.of(at(11, 0), seen(13, 6, 5), at(14, 0)), NOW, TIMEOUT,
                NOW.minusSeconds(8))).isEqualTo(1);
        // not seen before (first seen in this very read), or PostgreSQL cannot tell: only the timeout settles it
        assertThat(Frontier.finalCount(10, List.of(at(12, 6)), NOW, TIMEOUT, Instant.MAX)).isZero();
        assertThat(Frontier.finalCount(10, List.of(seen(12, 6, 5)), NOW, TIMEOUT, null)).isZero();
        assertThat(Frontier.finalCount(10, List.of(seen(12, 61, 5)), NOW, TIMEOUT, null)).isEqualTo(1);
    }
}
