package io.jointops.platform.notary;

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
}
