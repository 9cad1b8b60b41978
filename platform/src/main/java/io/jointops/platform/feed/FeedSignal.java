package io.jointops.platform.feed;

import java.time.Duration;

/**
 * Wakes the feed's readers that wait for news ({@code wait} on the service's feed) when this instance's feed processor
 * has committed rows: a waiting reader reads again on that signal, not in a loop. A reader on another replica than the
 * processor's is not signalled and reads again after {@link #FALLBACK}.
 */
final class FeedSignal {

    /** How long a waiting reader goes without a signal before it reads again (the processor may run elsewhere). */
    static final Duration FALLBACK = Duration.ofSeconds(5);

    private long commits;

    synchronized void committed() {
        commits++;
        notifyAll();
    }

    /** The number of commits so far, to wait for the next one with {@link #awaitAfter}. */
    synchronized long commits() {
        return commits;
    }

    /** Waits until a commit after {@code seen}, at most {@code timeout}; false if none came (or interrupted). */
    synchronized boolean awaitAfter(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (commits == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
