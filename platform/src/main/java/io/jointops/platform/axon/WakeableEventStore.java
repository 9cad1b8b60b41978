package io.jointops.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The embedded event store, with a way to tell it that some process (this one or another) committed events.
 * <p>
 * When the storage engine announces its commits ({@link NotifyingEventStorageEngine}), processors get a
 * {@link StoreEventStream} each, which the announcement wakes at once. Otherwise they get the embedded store's
 * streams, which poll every fetch delay, and a wake-up only makes the store's producer read now.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final Set<StoreEventStream> storeStreams = ConcurrentHashMap.newKeySet();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    /** What {@link #payloadTypesHeard()} answers, computed when it changes (it is asked once a second). */
    private volatile Set<String> heard = Set.of();

    public WakeableEventStore(Builder builder) {
        super(builder);
        if (storageEngine() instanceof NotifyingEventStorageEngine engine) {
            engine.onCommitHere(this::wake); // this process's commits wake its streams at once
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return openStream(trackingToken, null);
    }

    /**
     * A stream of only the events whose stored payload type is one of {@code payloadTypes} ({@code null}: all): the
     * database filters them, and commits of other types neither wake the stream nor make it read.
     */
    TrackingEventStream openStream(TrackingToken trackingToken, Set<String> payloadTypes) {
        if (!(storageEngine() instanceof NotifyingEventStorageEngine engine)) {
            return super.openStream(trackingToken);
        }
        StoreEventStream stream = new StoreEventStream(trackingToken, payloadTypes,
                (token, reach) -> engine.readBatchAfter(token, payloadTypes, reach), closed -> {
                    storeStreams.remove(closed);
                    hearChanged();
                });
        storeStreams.add(stream);
        hearChanged();
        return stream;
    }

    /**
     * The payload types of the commits this store's streams and listeners need to hear of: those the open streams
     * read, or {@code null} (all) when one of them reads every type or a listener is told of every commit.
     */
    public Set<String> payloadTypesHeard() {
        return heard;
    }

    private synchronized void hearChanged() {
        Set<String> types = new HashSet<>();
        for (StoreEventStream stream : storeStreams) {
            if (stream.payloadTypes() == null) {
                heard = null;
                return;
            }
            types.addAll(stream.payloadTypes());
        }
        heard = commitListeners.isEmpty() ? Set.copyOf(types) : null;
    }

    /**
     * This store as the source of one processor, whose streams carry only the payload types it handles (asked when
     * it opens a stream, once its handlers are known; {@code null}: all).
     */
    public StreamableMessageSource<TrackedEventMessage<?>> source(Supplier<Set<String>> payloadTypes) {
        return new StreamableMessageSource<>() {
            @Override
            public TrackingEventStream openStream(TrackingToken trackingToken) {
                return WakeableEventStore.this.openStream(trackingToken, payloadTypes.get());
            }

            @Override
            public TrackingToken createTailToken() {
                return WakeableEventStore.this.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return WakeableEventStore.this.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return WakeableEventStore.this.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(Duration duration) {
                return WakeableEventStore.this.createTokenSince(duration);
            }
        };
    }

    /** Events were committed (of types not told): every open stream looks now. Cheap when none is open. */
    public void wake() {
        wake(Set.of());
    }

    /** Events of {@code payloadTypes} were committed: the streams that carry any of them look now. */
    public void wake(Set<String> payloadTypes) {
        storeStreams.forEach(stream -> stream.eventsCommitted(payloadTypes));
        commitListeners.forEach(Runnable::run);
        afterCommit(List.of());
    }

    /** {@code listener} is told whenever events of any type were committed (the notary: it takes every event). */
    public void onCommit(Runnable listener) {
        commitListeners.add(listener);
        hearChanged();
    }
}
