package io.jointops.platform.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * The embedded event store, with a way to tell it that another process appended events: its producer then reads the
 * store at once instead of after the fetch delay. Within one process Axon already does this after each commit.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Reads new events now if any processor is waiting for them; cheap when none is. */
    public void wake() {
        afterCommit(List.of());
    }
}
