package io.jointops.platform.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An item's events as the event store holds them (deserialized and upcast, with timestamp, sequence and metadata),
 * for rebuilding the item's view as it was at an instant ({@code ?asOf=}). Each service folds them into its own
 * view record; no view table is read.
 */
public class ItemEvents {

    private final EventStore eventStore;

    public ItemEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The item's events, in stream order, up to and including the last one stored at or before {@code asOf}: the
     * prefix of the stream whose timestamps are {@code <= asOf}. Empty if the item did not exist yet.
     */
    public List<DomainEventMessage<?>> until(String aggregateId, Instant asOf) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        var stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** The item's events in stream order up to and including event number {@code last}. */
    public List<DomainEventMessage<?>> upTo(String aggregateId, long last) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        var stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() > last) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /**
     * {@code instant} as a {@code TIMESTAMPTZ} column stores it (rounded to the microsecond, as the PostgreSQL
     * driver does), so that a view rebuilt from events equals the one read from its table.
     */
    public static Instant asStored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
