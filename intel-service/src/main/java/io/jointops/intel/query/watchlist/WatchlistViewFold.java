package io.jointops.intel.query.watchlist;

import io.jointops.api.deconfliction.WatchlistAlertRaisedEvent;
import io.jointops.api.deconfliction.WatchlistEntryAddedEvent;
import io.jointops.api.deconfliction.WatchlistEntryRemovedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A watchlist's view from its events alone: used by the projector, one event at a time, and by {@code asOf}. Pure. */
public final class WatchlistViewFold {

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = Set.of(WatchlistEntryAddedEvent.class,
            WatchlistEntryRemovedEvent.class, WatchlistAlertRaisedEvent.class);

    private WatchlistViewFold() {
    }

    static Optional<WatchlistView> fold(List<? extends DomainEventMessage<?>> events) {
        WatchlistView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    static WatchlistView apply(WatchlistView v, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof WatchlistEntryAddedEvent added) {
            List<WatchlistView.Entry> entries = new ArrayList<>();
            entries.add(new WatchlistView.Entry(added.entryId(), added.kind().name(), added.value(),
                    added.canonical(), added.country(), added.label(), AuditMetadata.actor(message.getMetaData()), at));
            if (v != null) {
                v.entries().stream().filter(entry -> !entry.id().equals(added.entryId())).forEach(entries::add);
            }
            return new WatchlistView(added.watchlistId(), added.agency(), entries, v == null ? 0 : v.alerts(),
                    version, at);
        }
        if (v == null) {
            return null;
        }
        if (payload instanceof WatchlistEntryRemovedEvent removed) {
            return new WatchlistView(v.id(), v.agency(), v.entries().stream()
                    .filter(entry -> !entry.id().equals(removed.entryId())).toList(), v.alerts(), version, at);
        }
        if (payload instanceof WatchlistAlertRaisedEvent) {
            return new WatchlistView(v.id(), v.agency(), v.entries(), v.alerts() + 1, version, at);
        }
        return v;
    }
}
