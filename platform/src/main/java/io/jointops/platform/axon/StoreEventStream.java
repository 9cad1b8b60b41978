package io.jointops.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A processor's stream read straight from the event table, one batch per read, that tells its processor when new
 * events were committed (by {@link #eventsCommitted()}, driven by {@code LISTEN/NOTIFY}).
 * <p>
 * Why: a pooled processor whose stream has no availability callback looks for new events only every 500 ms, and
 * the embedded store's streams have none; each hop of a write → view → read path then waited up to half a second.
 * The stream reads the table itself, rather than the embedded store's in-memory cache, so that an event announced by
 * {@code NOTIFY} (sent only after its commit) is there when the processor asks for it.
 */
final class StoreEventStream implements TrackingEventStream {

    /**
     * A processor asks its stream on every look; without news it reads the table at most this often. News comes with
     * every commit of a type it handles (and after the listener reconnects), so this only bounds the latency of a
     * notification that never arrived; it is long so that an idle service sends almost no queries.
     */
    static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(2);
    /**
     * How many batches of positions a filtered read may pass over at most: the reach doubles with every read that
     * found none of the stream's types and stopped at the end of its range (at a recheck, a processor passes over two
     * minutes of other services' events in a few reads, each a count, and so in a few token updates).
     */
    static final int MAX_REACH = 64;

    /** Reads the batch after a token, passing over up to {@code reach} batches of positions of other types. */
    @FunctionalInterface
    interface Reader {
        Batch readAfter(TrackingToken token, int reach);
    }

    private final Reader readBatchAfter;
    private final Set<String> payloadTypes;
    private final Consumer<StoreEventStream> onClose;
    private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
    private TrackingToken lastRead;
    private long lastReadAt;
    private int reach = 1;
    private volatile boolean eventsCommitted = true;
    /**
     * Threads waiting in {@link #hasNextAvailable(int, TimeUnit)}: a commit takes the stream's monitor only to wake
     * one. The thread that committed (a request's) would otherwise wait for the monitor while the processor reads the
     * table under it; pooled processors never wait here, they are told through {@link #onAvailable}.
     */
    private volatile int waiting;
    private volatile Runnable onAvailable = () -> {
    };

    StoreEventStream(TrackingToken start,
                     Reader readBatchAfter,
                     Consumer<StoreEventStream> onClose) {
        this(start, null, readBatchAfter, onClose);
    }

    /**
     * @param payloadTypes the stored payload types the stream's processor handles ({@code null}: all); a commit of
     *                     other types does not wake it
     */
    StoreEventStream(TrackingToken start,
                     Set<String> payloadTypes,
                     Reader readBatchAfter,
                     Consumer<StoreEventStream> onClose) {
        this.lastRead = start;
        this.payloadTypes = payloadTypes;
        this.readBatchAfter = readBatchAfter;
        this.onClose = onClose;
    }

    /** The stored payload types this stream reads; {@code null}: all. */
    Set<String> payloadTypes() {
        return payloadTypes;
    }

    /**
     * Events of {@code committedTypes} were committed somewhere ({@code empty}: of types not told); if the processor
     * handles any of them, the next look reads the table and the processor is told to look.
     */
    void eventsCommitted(Set<String> committedTypes) {
        if (payloadTypes == null || committedTypes.isEmpty()
                || committedTypes.stream().anyMatch(payloadTypes::contains)) {
            eventsCommitted();
        }
    }

    /** Events were committed somewhere: the next look reads the table, and the processor is told to look. */
    void eventsCommitted() {
        eventsCommitted = true;
        if (waiting > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
        onAvailable.run();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        return true;
    }

    @Override
    public synchronized Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(buffer.peekFirst()) : Optional.empty();
    }

    @Override
    public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (buffer.isEmpty() && !readIfDue()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // counted before the flag is checked again: a commit that saw no one waiting set the flag before
            waiting++;
            try {
                if (!eventsCommitted) {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, RECHECK_NANOS));
                }
            } finally {
                waiting--;
            }
        }
        return true;
    }

    @Override
    public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // blocks like the embedded store's stream; processors only call this after hasNextAvailable()
        }
        return buffer.pollFirst();
    }

    @Override
    public void close() {
        onAvailable = () -> {
        };
        synchronized (this) {
            buffer.clear();
        }
        onClose.accept(this);
    }

    /**
     * Reads the next batch if events were committed since the last read, the last read may have left events behind,
     * or the last read is a while ago.
     */
    private boolean readIfDue() {
        long now = System.nanoTime();
        if (!eventsCommitted && now - lastReadAt < RECHECK_NANOS) {
            return false;
        }
        // cleared before reading: a commit announced during the read makes the next look read again
        eventsCommitted = false;
        lastReadAt = now;
        Batch batch;
        try {
            batch = readBatchAfter.readAfter(lastRead, reach);
        } catch (RuntimeException e) {
            eventsCommitted = true; // the processor retries after its back-off; that look must read
            throw e;
        }
        if (batch.mayHaveMore()) {
            eventsCommitted = true;
        }
        reach = batch.mayHaveMore() && batch.nothingWanted() ? Math.min(2 * reach, MAX_REACH) : 1;
        if (batch.scannedTo() != null) {
            lastRead = batch.scannedTo();
        }
        if (batch.events().isEmpty()) {
            return false;
        }
        buffer.addAll(batch.events());
        return true;
    }

    /**
     * One read of the table: the events, whether more may follow at once (the read ended at the end of its range
     * rather than at the head of the store), in which case the next look reads again without waiting for news, and
     * the position the next read starts after. A read filtered by type passes events it skipped: its position is
     * further than its last event's (or it has none), so the skipped events are never read again.
     */
    record Batch(List<? extends TrackedEventMessage<?>> events, boolean mayHaveMore, TrackingToken scannedTo) {

        Batch(List<? extends TrackedEventMessage<?>> events, boolean mayHaveMore) {
            this(events, mayHaveMore, events.isEmpty() ? null : events.get(events.size() - 1).trackingToken());
        }

        /** Whether the read found no event the stream reads (at most the stand-in for those it passed over). */
        boolean nothingWanted() {
            return events.isEmpty() || events.size() == 1
                    && events.get(0).getPayloadType() == NotifyingEventStorageEngine.PassedOver.class;
        }
    }
}
