package io.jointops.platform.feed;

import io.jointops.platform.axon.ReplicaSignals;

import java.time.Duration;

/**
 * Wakes the feed's readers that wait for news ({@code wait} on the service's feed) when the feed processor has
 * committed rows: a waiting reader reads again on that signal, not in a loop. The processor runs in one replica (the
 * feed has one segment); it signals the service's other replicas too ({@link ReplicaSignals}), whose readers would
 * otherwise read again only after {@link #FALLBACK}.
 */
final class FeedSignal {

    /** How long a waiting reader goes without a signal before it reads again (a signal may be lost). */
    static final Duration FALLBACK = Duration.ofSeconds(5);
    static final String TOPIC = "partner-feed";

    private final ReplicaSignals replicas;
    private long commits;

    FeedSignal(ReplicaSignals replicas) {
        this.replicas = replicas;
        replicas.onSignal(TOPIC, this::committed);
    }

    /** This replica's feed processor committed rows: its readers and the other replicas' read again. */
    void committedHere() {
        committed();
        replicas.signal(TOPIC);
    }

    /** Rows were committed (here or in another replica): the waiting readers read again. */
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
