package io.jointops.platform.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * a write costs one or two reads of its view, whatever the load. A projector that hands over what it wrote
 * ({@link #written}) spares the write, and every other reader waiting for that version (the partner feed), even that
 * read: the value is taken from the commit's signal, as the view's row holds it.
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
    private static final Cache<String, Long> COMMITTED = Caffeine.newBuilder().executor(Runnable::run)
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    /**
     * The item each projector that hands it over ({@link #written}) last committed, by view type and item, for the
     * writes waiting for it right then (a create's answer, at most {@link #TIMEOUT}; the partner feed, which reads it
     * just after): kept twice that, and not a read cache (no read but a wait for a version takes it). Large enough
     * that time, not room, removes an entry up to 2,000 writes/s: a full cache drops new entries as readily as old
     * ones, and at 10,000 for 30 s half of the creates under load read their view back. Emptied when personal data is
     * erased ({@link #forgetWritten}).
     */
    private static final Cache<Written, Versioned> WRITTEN = Caffeine.newBuilder().executor(Runnable::run)
            .expireAfterWrite(TIMEOUT.multipliedBy(2)).maximumSize(20_000).build();

    private record Written(Class<?> type, String itemId) {
    }

    /**
     * The last event number of each item this process appended lately, from the append's commit: a create answers
     * with its item's version without counting the item's events in the store (a minute covers any create's answer).
     */
    private static final Cache<String, Long> APPENDED = Caffeine.newBuilder().executor(Runnable::run)
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    private ReadYourWrites() {
    }

    /**
     * A projector wrote {@code view} of item {@code itemId} in the transaction it is handling now: once that commits,
     * a write waiting for this version of the item in a view of this type ({@link #awaitVersion(Class, String, long,
     * Supplier, Duration)}) takes it instead of reading it back. {@code view} must be what a read of the view
     * answers (the fold that writes it is the one {@code ?asOf=} answers with, tested against the view).
     */
    public static void written(String itemId, Versioned view) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Written key = new Written(view.getClass(), itemId);
        // after-commit handlers run in reverse order of registration: this one before the processor's ItemChangeSignal
        CurrentUnitOfWork.get().root().afterCommit(committed -> WRITTEN.asMap().merge(key, view,
                (was, now) -> now.version() >= was.version() ? now : was));
    }

    /**
     * This process appends events of items up to the numbers {@code lastSequences} gives: recorded once the unit of
     * work's transaction commits (at once without one), for {@link #lastAppended}.
     */
    public static void appended(Map<String, Long> lastSequences) {
        if (lastSequences.isEmpty()) {
            return;
        }
        Runnable record = () -> lastSequences.forEach((itemId, sequence) ->
                APPENDED.asMap().merge(itemId, sequence, Math::max));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> record.run());
        } else {
            record.run();
        }
    }

    /** The number of the last event of item {@code itemId} this process appended and committed lately, if it did. */
    public static OptionalLong lastAppended(String itemId) {
        Long sequence = APPENDED.getIfPresent(itemId);
        return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    }

    /** Forgets every item handed over: personal data was erased, and nothing may keep a value of it. */
    public static void forgetWritten() {
        WRITTEN.invalidateAll();
    }

    /**
     * {@link #awaitVersion(String, long, Supplier, ToLongFunction, Duration)} for a view whose projector hands over
     * what it wrote ({@link #written}): that is taken without a read when it has the version.
     */
    public static <V extends Versioned> Optional<V> awaitVersion(Class<V> type, String itemId, long version,
                                                                  Supplier<Optional<V>> read, Duration timeout) {
        Written key = new Written(type, itemId);
        Supplier<Optional<V>> handedOverOrRead = () -> {
            Versioned handedOver = WRITTEN.getIfPresent(key);
            return handedOver != null && handedOver.version() >= version ? Optional.of(type.cast(handedOver))
                    : read.get();
        };
        return awaitVersion(itemId, version, handedOverOrRead, Versioned::version, timeout);
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
