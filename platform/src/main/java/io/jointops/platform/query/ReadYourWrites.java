package io.jointops.platform.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Views are updated after the write that changes them: a write waits here until its view shows it, so that a client
 * reading right after writing sees its write.
 */
public final class ReadYourWrites {

    /** How long a write waits for the view, so that the caller's next read sees it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(20);

    private ReadYourWrites() {
    }

    /**
     * Reads until what is read has {@code caughtUp}. Returns it, or empty if it did not catch up within
     * {@code timeout} (or the thread was interrupted).
     */
    public static <V> Optional<V> await(Supplier<Optional<V>> read, Predicate<? super V> caughtUp, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<V> view = read.get().filter(caughtUp);
            if (view.isPresent() || Instant.now().isAfter(deadline)) {
                return view;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
