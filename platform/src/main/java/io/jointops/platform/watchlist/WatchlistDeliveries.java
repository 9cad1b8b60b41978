package io.jointops.platform.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.jointops.api.deconfliction.CheckWatchlistsCommand;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.api.shared.NamedIdentifier;
import io.jointops.api.shared.Personal;
import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.feed.FeedListener;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.identifiers.NamedIdentifiers;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import io.jointops.platform.security.KeycloakRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the partner feed delivers, checked against the agencies' watchlists: for each event a batch put on an agency's
 * feed whose kind of event can name identifiers, the event as the agency is shown it (the item's view as the agency
 * sees it and its context's one policy, {@link FeedKind#policy}: nothing a second policy decides), its identifiers
 * found by the contracts' marks ({@link NamedIdentifiers}) and, if there are any, one durable task in the feed's
 * transaction that sends them to intel-service ({@link CheckWatchlistsCommand}). Never a call to another service in
 * the feed's transaction: intel-service down delays the alerts, never the feed. The task's id is derived from the
 * agency and the event, so a batch the feed writes again schedules nothing twice.
 */
public final class WatchlistDeliveries implements FeedListener {

    private static final Logger log = LoggerFactory.getLogger(WatchlistDeliveries.class);
    private static final Set<Class<?>> NAMERS = Set.copyOf(NamedIdentifiers.namers(ContractEvents.ALL));
    /** The contracts' events by the name a history entry gives them ({@code EventHistory}: the simple name). */
    private static final Map<String, Class<?>> BY_NAME = NAMERS.stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final String context;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final ObjectMapper json;

    private final Map<String, FeedKind<?>> kinds;

    WatchlistDeliveries(String context, SchedulerClient scheduler, OneTimeTask<String> task,
                        ObjectMapper json, List<FeedKind<?>> kinds) {
        this.context = context;
        this.scheduler = scheduler;
        this.task = task;
        this.json = json;
        this.kinds = kinds.stream().collect(Collectors.toMap(FeedKind::itemType, Function.identity()));
    }

    /**
     * What a pending check keeps until it is sent: which event of which item it is for which agency, never what the
     * event names. The identifiers are read again when it is sent ({@link #command}), so a subject erased meanwhile
     * leaves nothing of theirs in the scheduler's table, and nothing is sent.
     */
    record PendingCheck(String agency, String itemType, String itemId, long sequence) {
    }

    @Override
    public void delivered(List<Delivery> deliveries) {
        Map<Item, TreeSet<Long>> sequences = new LinkedHashMap<>();
        Map<Item, Set<Long>> naming = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.kind().events().stream().anyMatch(NAMERS::contains)) {
                Item item = new Item(delivery.agency(), delivery.kind(), delivery.itemId());
                sequences.computeIfAbsent(item, key -> new TreeSet<>()).add(delivery.sequence());
                // an event that names nothing costs no read (a case's opening); one back-filled for an agency the
                // item reached later comes without its type and is read
                if (delivery.eventType() == null || BY_NAME.containsKey(delivery.eventType())) {
                    naming.computeIfAbsent(item, key -> new TreeSet<>()).add(delivery.sequence());
                }
            }
        }
        // the batch's range of each item is read as before: a policy may show an event only with a later one in the
        // range (intel shows a report released later to an agency from its release on)
        naming.forEach((item, toCheck) -> check(item, sequences.get(item), toCheck));
    }

    private void check(Item item, TreeSet<Long> delivered, Set<Long> toCheck) {
        for (HistoryEntry entry : shown(item.kind(), item.itemId(), delivered.first(), delivered.last(), item.agency())) {
            if (!toCheck.contains(entry.sequence())) {
                continue;
            }
            if (named(entry).isEmpty()) {
                continue;
            }
            PendingCheck check = new PendingCheck(item.agency(), item.kind().itemType(), item.itemId(), entry.sequence());
            String id = UUID.nameUUIDFromBytes(String.join("|", item.agency(), context, item.itemId(),
                    Long.toString(entry.sequence())).getBytes(StandardCharsets.UTF_8)).toString();
            try {
                scheduler.scheduleIfNotExists(task.instance(id, json.writeValueAsString(check)), Instant.now());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a watchlist check", e);
            }
        }
    }

    /**
     * The command a pending check ({@link PendingCheck}, as the task keeps it) sends: the event's identifiers as the
     * agency is shown the event now; empty if it names none now (its subject erased: the values read as erased; the
     * item no longer shown to the agency; a kind this service no longer has).
     */
    Optional<CheckWatchlistsCommand> command(String pending) {
        PendingCheck check;
        try {
            check = json.readValue(pending, PendingCheck.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending watchlist check that cannot be read: " + e.getOriginalMessage(), e);
        }
        FeedKind<?> kind = kinds.get(check.itemType());
        if (kind == null) {
            return Optional.empty();
        }
        // the item's whole history as the agency is shown it now: a policy may show an event by what came before or
        // after it (intel shows a report released later to an agency from its release on), not by that event alone
        return shownNow(kind, check.itemId(), check.agency()).stream()
                .filter(entry -> entry.sequence() == check.sequence())
                .map(entry -> named(entry).stream()
                        .filter(identifier -> !Personal.ERASED.equals(identifier.value())).toList())
                .filter(named -> !named.isEmpty())
                .findFirst()
                .map(named -> new CheckWatchlistsCommand(check.agency(),
                        new ItemRef(context, kind.aggregateType(), check.itemId()), check.sequence(), named));
    }

    /** Every event of the item the agency is shown now, as its context's policy shows them (none if it may not see it). */
    private static <V extends Versioned & SharedItem> List<HistoryEntry> shownNow(FeedKind<V> kind, String itemId,
                                                                                  String agency) {
        Caller reader = new Caller(null, null, agency, Set.of(KeycloakRoles.FEED_READER));
        return kind.views().find(itemId, agency)
                .map(view -> kind.policy().entries(itemId, view, 0, view.version(), reader)).orElse(List.of());
    }

    /** The events the agency is shown, as its context's policy shows them: none if it may not see the item now. */
    private static <V extends Versioned & SharedItem> List<HistoryEntry> shown(FeedKind<V> kind, String itemId,
                                                                               long from, long to, String agency) {
        Caller reader = new Caller(null, null, agency, Set.of(KeycloakRoles.FEED_READER));
        Optional<V> item = kind.views().find(itemId, agency);
        return item.map(view -> kind.policy().entries(itemId, view, from, to, reader)).orElse(List.of());
    }

    /**
     * The identifiers of an event as shown: what the policy shows is read back as its contract's record; a stand-in
     * for an event withheld from the agency carries none of its fields, so it names nothing.
     */
    private List<NamedIdentifier> named(HistoryEntry entry) {
        Class<?> type = BY_NAME.get(entry.type());
        if (type == null || entry.payload() == null) {
            return List.of();
        }
        try {
            return NamedIdentifiers.of(json.treeToValue(entry.payload(), type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.debug("{} {} of {} is not read as {}: nothing to check ({})", entry.type(), entry.sequence(),
                    context, type.getSimpleName(), e.getMessage());
            return List.of();
        }
    }

    private record Item(String agency, FeedKind<?> kind, String itemId) {
    }
}
