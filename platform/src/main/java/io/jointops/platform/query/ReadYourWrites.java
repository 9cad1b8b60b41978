package io.jointops.platform.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Views are updated after the write that changes them: a write waits here until its view shows it, so that a client
 * reading right after writing sees its write. The wait is woken by the service's own processors when they commit
 * an event of the item ({@link #itemChanged}, called after each processor transaction), not by reading in a loop:
 * a write costs one or two reads of its view, whatever the load.
 */
public final class ReadYourWrites {

    /** How long a write waits for the view, so that the caller's next read sees it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * Reads again without a signal after this long: a view may change through an event of another item (a link
     * recorded from another service's event), which signals that item, not this one.
     */
    static final Duration FALLBACK = Duration.ofMillis(250);

    /** One signal per item someone waits for; completed (and removed) when a processor commits an event of it. */
    private static final Map<String, Signal> CHANGED = new ConcurrentHashMap<>();

    /**
     * The last event number of each recently changed item that a processor committed: a write whose event is not
     * there yet waits for the commit before it reads at all (a minute covers any write waiting here).
     */
    private static final Cache<String, Long> COMMITTED = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    private ReadYourWrites() {
    }

    /**
     * Reads the view of item {@code itemId} until what is read has {@code caughtUp}, again each time a processor of
     * this service committed an event of the item. Returns it, or empty if it did not catch up within {@code timeout}
     * (or the thread was interrupted).
     */
    public static <V> Optional<V> await(String itemId, Supplier<Optional<V>> read, Predicate<? super V> caughtUp,
                                        Duration timeout) {
        return await(itemId, -1, read, caughtUp, timeout);
    }

    /**
     * Waits until the view of item {@code itemId} shows its event number {@code version}: reads it once this service's
     * processors committed that event (in the common case, the one read of the write), and again on each later
     * commit of the item. Returns it, or empty if it did not catch up within {@code timeout}.
     */
    public static <V> Optional<V> awaitVersion(String itemId, long version, Supplier<Optional<V>> read,
                                               ToLongFunction<? super V> versionOf, Duration timeout) {
        return await(itemId, version, read, view -> versionOf.applyAsLong(view) >= version, timeout);
    }

    private static <V> Optional<V> await(String itemId, long version, Supplier<Optional<V>> read,
                                         Predicate<? super V> caughtUp, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean first = true;
        while (true) {
            // taken before reading: a commit between the read and the wait completes it, so no signal is lost
            Signal signal = CHANGED.compute(itemId, (id, current) -> (current == null ? new Signal() : current).join());
            try {
                Long committed = COMMITTED.getIfPresent(itemId);
                // the first read waits for the commit it needs: before it, the view cannot show the write
                boolean worthReading = !first || version < 0 || (committed != null && committed >= version);
                first = false;
                if (worthReading) {
                    Optional<V> view = read.get().filter(caughtUp);
                    if (view.isPresent() || deadline - System.nanoTime() <= 0) {
                        return view;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return read.get().filter(caughtUp);
                }
                signal.changed.get(Math.min(left, FALLBACK.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // read again: the fallback
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                CHANGED.computeIfPresent(itemId, (id, current) -> current == signal && current.leave() ? null : current);
            }
        }
    }

    /**
     * A processor of this service committed event number {@code sequence} of item {@code itemId}: its waiting writes
     * read again.
     */
    public static void itemChanged(String itemId, long sequence) {
        COMMITTED.asMap().merge(itemId, sequence, Math::max);
        Signal signal = CHANGED.remove(itemId);
        if (signal != null) {
            signal.changed.complete(null);
        }
    }

    /** The signal of one item and how many writes wait for it (changed only inside the map's compute functions). */
    private static final class Signal {
        final CompletableFuture<Void> changed = new CompletableFuture<>();
        int waiting;

        Signal join() {
            waiting++;
            return this;
        }

        /** True when the last waiting write left. */
        boolean leave() {
            return --waiting == 0;
        }
    }

    /** How many items writes are waiting for (a bound on what the signals hold). */
    static int waitedFor() {
        return CHANGED.size();
    }
}
