package io.jointops.platform.feed;

import io.jointops.platform.query.FoldedView;
import io.jointops.platform.query.SharedItem;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.privacy.PersonalDataRectifiedEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the service's part of the partner feed ({@link FeedTable}): for each event of an item on the feed, one row
 * per agency the item's view shows it to ({@link SharedItem#audience}); for an agency the item is shown to for the
 * first time (a partner added, a report widened to it), first a row for each earlier event of the item, so it gets
 * the item's history as well, as its history shows it. An agency the item is no longer shown to gets no rows; if it
 * is shown the item again, the rows it missed (each event goes to an agency once).
 * <p>
 * One processor with one segment ({@link FeedConfiguration}), so rows are written in commit order and a row's
 * position is a safe cursor; a batch of events is one transaction, written when the batch commits: a read of each
 * item's view, one of the agencies the items' rows went to so far (none for a batch of new items), and one statement
 * that writes the rows and the audience changes. Who sees an item is read from its view, at the item's last event of the batch or later: the view is
 * waited for (woken by its processor's commit) when it has not got there yet. Shown later than it was (a partner
 * added in the same batch), an agency gets the rows all the same, and the readers check what an agency may see now
 * anyway ({@link PartnerFeed}). A batch that fails (a view late past the wait, the database) is retried by the
 * processor, never skipped.
 */
@ProcessingGroup(FeedProjector.PROCESSING_GROUP)
class FeedProjector implements FoldedView {

    static final String PROCESSING_GROUP = "partner-feed";

    private static final String BATCH = FeedProjector.class.getName() + ".batch";

    private final FeedKinds kinds;
    private final FeedTable table;
    private final FeedSignal signal;
    private final Duration viewWait;
    private final List<FeedListener> listeners;

    FeedProjector(FeedKinds kinds, FeedTable table, FeedSignal signal, Duration viewWait) {
        this(kinds, table, signal, viewWait, List.of());
    }

    FeedProjector(FeedKinds kinds, FeedTable table, FeedSignal signal, Duration viewWait,
                  List<FeedListener> listeners) {
        this.kinds = kinds;
        this.table = table;
        this.signal = signal;
        this.viewWait = viewWait;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        Set<Class<?>> events = new HashSet<>(kinds.events());
        events.add(PersonalDataErasedEvent.class);
        events.add(PersonalDataRectifiedEvent.class);
        return events;
    }

    /**
     * Takes the message, not its payload: which kind an event is, and the rows it makes, follow from its stream and
     * type, so the payload is never deserialised here (for a case event that was decrypting its personal fields:
     * nearly half of this processor's time).
     */
    @EventHandler
    void on(DomainEventMessage<?> message) {
        FeedKind<?> kind = kinds.of(message.getType(), message.getPayloadType());
        if (kind == null) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch();
            unitOfWork.onPrepareCommit(committing -> write(started));
            unitOfWork.afterCommit(committed -> signal.committedHere());
            return started;
        });
        batch.add(kind, message.getAggregateIdentifier(), message.getSequenceNumber(), message.getPayloadType());
    }

    /**
     * An erasure (docs/privacy.md, "Partners"): a notice on the feed of every agency that got events of an erased item
     * of this service, whether or not it is shown the item now (it holds what it got), in the batch's transaction and
     * after the batch's events before it. What the notice says is the erasure's: by which order or rule, the ordering
     * agency, the legal basis, when, and the item; nothing of its subjects, nor how many keys went elsewhere.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("by", event.by());
        payload.put("agency", event.agency());
        payload.put("legalBasis", event.legalBasis());
        payload.put("erasedAt", event.erasedAt().toString());
        notice("erased", event.agency(), event.itemIds(), payload, message, token);
    }

    /**
     * A rectification (docs/privacy.md, "Rectification"): a notice, as for an erasure, that the item's event
     * {@code correctedBy} corrects personal data its earlier events recorded wrongly, and how many of the wrong values'
     * keys were shredded; so a partner corrects its copy too.
     */
    @EventHandler
    void on(PersonalDataRectifiedEvent event, EventMessage<?> message, TrackingToken token) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("by", event.by());
        payload.put("agency", event.agency());
        payload.put("legalBasis", event.legalBasis());
        payload.put("rectifiedAt", event.rectifiedAt().toString());
        payload.put("correctedBy", event.correctedBy());
        payload.put("keysShredded", event.keysShredded());
        notice("rectified", event.agency(), List.of(event.itemId()), payload, message, token);
    }

    /** Writes a notice about {@code itemIds} (those of this service), after the unit of work's events before it. */
    private void notice(String tag, String agency, List<String> itemIds, Map<String, Object> payload,
                        EventMessage<?> message, TrackingToken token) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Object before = unitOfWork.resources().remove(BATCH);
        if (before != null) {
            write((Batch) before); // the events before the notice go first
        }
        // one sequence per notice, below every event's: minus its event's place in the event store
        long sequence = -1 - token.position().orElseThrow(() -> new IllegalStateException(
                "the partner feed's processor reads a stream without positions"));
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("tag", tag);
        notice.put("eventId", message.getIdentifier());
        notice.put("type", message.getPayloadType().getSimpleName());
        notice.put("revision", "1");
        notice.put("timestamp", message.getTimestamp().toString());
        notice.put("agency", agency);
        notice.put("payload", payload);
        if (table.notices(itemIds, sequence, notice) > 0) {
            unitOfWork.afterCommit(committed -> signal.committedHere());
        }
    }

    /** The batch's rows and audience changes, written in the batch's transaction (once). */
    void write(Batch batch) {
        if (batch.written) {
            return;
        }
        batch.written = true;
        Map<String, Set<String>> audiences = new HashMap<>();
        batch.last.forEach((itemId, last) -> audiences.put(itemId, audience(batch.kinds.get(itemId), itemId, last)));
        // an item whose first event is in the batch (a create) has had no rows yet: no need to ask
        Set<String> older = new HashSet<>(batch.last.keySet());
        older.removeAll(batch.created);
        Plan plan = plan(batch.events, audiences, table.audiences(older));
        table.write(plan.rows(), plan.added(), plan.removed());
        if (!listeners.isEmpty() && !plan.rows().isEmpty()) {
            List<FeedListener.Delivery> deliveries = plan.rows().stream()
                    .map(row -> new FeedListener.Delivery(row.agency(), batch.kinds.get(row.itemId()), row.itemId(),
                            row.sequence(), batch.types.get(new Event(row.itemType(), row.itemId(), row.sequence()))))
                    .toList();
            listeners.forEach(listener -> listener.delivered(deliveries));
        }
    }

    /** Whom the item's view shows it to once it shows event {@code sequence} (or a later one). */
    private <V extends io.jointops.platform.query.Versioned & SharedItem> Set<String> audience(
            FeedKind<V> kind, String itemId, long sequence) {
        V item = kind.views().awaitVersion(itemId, sequence, viewWait).orElseThrow(() -> new IllegalStateException(
                "the view of " + kind.itemType() + " " + itemId + " did not show its event " + sequence + " within "
                        + viewWait + "; the partner feed retries the batch"));
        return item.audience();
    }

    /** One event of the batch. */
    record Event(String itemType, String itemId, long sequence) {
    }

    /** What a batch writes: its rows, in order, and the agencies each item's rows now go to or no longer go to. */
    record Plan(List<FeedTable.Row> rows, Map<String, Set<String>> added, Map<String, Set<String>> removed) {
    }

    /**
     * The rows of a batch's events, in the batch's order: for each event a row per agency of the item's audience; an
     * agency its rows did not go to before first gets a row for each of the item's earlier events. Pure, for the tests.
     *
     * @param events    the batch's events, in order
     * @param audiences each item's audience now
     * @param known     the agencies each item's rows went to so far
     */
    static Plan plan(List<Event> events, Map<String, Set<String>> audiences, Map<String, Set<String>> known) {
        List<FeedTable.Row> rows = new ArrayList<>();
        Map<String, Set<String>> reached = new HashMap<>();
        for (Event event : events) {
            Set<String> had = reached.computeIfAbsent(event.itemId(),
                    id -> new HashSet<>(known.getOrDefault(id, Set.of())));
            for (String agency : new TreeSet<>(audiences.get(event.itemId()))) {
                if (had.add(agency)) {
                    for (long earlier = 0; earlier < event.sequence(); earlier++) {
                        rows.add(new FeedTable.Row(agency, event.itemType(), event.itemId(), earlier));
                    }
                }
                rows.add(new FeedTable.Row(agency, event.itemType(), event.itemId(), event.sequence()));
            }
        }
        Map<String, Set<String>> added = new LinkedHashMap<>();
        Map<String, Set<String>> removed = new LinkedHashMap<>();
        audiences.forEach((itemId, audience) -> {
            Set<String> before = known.getOrDefault(itemId, Set.of());
            Set<String> gained = new TreeSet<>(audience);
            gained.removeAll(before);
            Set<String> lost = new TreeSet<>(before);
            lost.removeAll(audience);
            if (!gained.isEmpty()) {
                added.put(itemId, gained);
            }
            if (!lost.isEmpty()) {
                removed.put(itemId, lost);
            }
        });
        return new Plan(rows, added, removed);
    }

    /** The events of one batch (one unit of work), collected as they are handled. */
    static final class Batch {
        private final List<Event> events = new ArrayList<>();
        private final Map<String, Long> last = new LinkedHashMap<>();
        private final Map<String, FeedKind<?>> kinds = new HashMap<>();
        private final Set<String> created = new HashSet<>();
        /** Written early, before an erasure of the same unit of work: not again when the unit of work commits. */
        private boolean written;
        /** The name the feed gives each of the batch's events (its history entry's {@code type}). */
        private final Map<Event, String> types = new HashMap<>();

        void add(FeedKind<?> kind, String itemId, long sequence, Class<?> type) {
            Event event = new Event(kind.itemType(), itemId, sequence);
            events.add(event);
            types.put(event, type.getSimpleName());
            last.merge(itemId, sequence, Math::max);
            kinds.put(itemId, kind);
            if (sequence == 0) {
                created.add(itemId);
            }
        }
    }
}
