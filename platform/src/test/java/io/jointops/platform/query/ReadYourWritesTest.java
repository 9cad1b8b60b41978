package io.jointops.platform.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesTest {

    @Test
    void readsAgainUntilTheViewHasCaughtUp() {
        AtomicInteger version = new AtomicInteger();
        Optional<Integer> read = ReadYourWrites.await(() -> Optional.of(version.getAndIncrement()), v -> v >= 3,
                Duration.ofSeconds(5));
        assertThat(read).contains(3);
    }

    @Test
    void givesUpAfterTheTimeout() {
        Optional<Integer> read = ReadYourWrites.await(() -> Optional.of(1), v -> v >= 2, Duration.ofMillis(50));
        assertThat(read).isEmpty();
    }

    @Test
    void aViewNotThereYetIsWaitedFor() {
        AtomicInteger reads = new AtomicInteger();
        Optional<String> read = ReadYourWrites.await(
                () -> reads.incrementAndGet() < 3 ? Optional.empty() : Optional.of("there"), v -> true,
                Duration.ofSeconds(5));
        assertThat(read).contains("there");
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() {
        Thread.currentThread().interrupt();
        try {
            assertThat(ReadYourWrites.await(() -> Optional.of(1), v -> false, Duration.ofSeconds(5))).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
