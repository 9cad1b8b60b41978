package io.jointops.platform.axon;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded event store, with a way to tell it that some process (this one or another) committed events.
 * <p>
 * When the storage engine announces its commits ({@link NotifyingEventStorageEngine}), processors get a
 * {@link StoreEventStream} each, which the announcement wakes at once. Otherwise they get the embedded store's
 * streams, which poll every fetch delay, and a wake-up only makes the store's producer read now.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final Set<StoreEventStream> storeStreams = ConcurrentHashMap.newKeySet();

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        if (!(storageEngine() instanceof NotifyingEventStorageEngine engine)) {
            return super.openStream(trackingToken);
        }
        StoreEventStream stream = new StoreEventStream(trackingToken, engine::readBatchAfter, storeStreams::remove);
        storeStreams.add(stream);
        return stream;
    }

    /** Events were committed: every open stream looks now. Cheap when none is open. */
    public void wake() {
        storeStreams.forEach(StoreEventStream::eventsCommitted);
        afterCommit(List.of());
    }
}
