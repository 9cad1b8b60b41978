package io.jointops.intel.command;

import io.jointops.api.deconfliction.AddWatchlistEntryCommand;
import io.jointops.api.deconfliction.RaiseWatchlistAlertCommand;
import io.jointops.api.deconfliction.RemoveWatchlistEntryCommand;
import io.jointops.api.deconfliction.WatchlistAlertRaisedEvent;
import io.jointops.api.deconfliction.WatchlistEntryAddedEvent;
import io.jointops.api.deconfliction.WatchlistEntryRemovedEvent;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.identifiers.MatchRule;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.identifiers.ContractIdentifiers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.jointops.platform.command.CommandChecks.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agency's watchlist: the identifiers it wants to hear of, each normalised on entry by the one normalisation
 * ({@code io.jointops.identifiers}), and the alerts raised when an item released to it names one (an alert per entry
 * and item, however often the item names it). One per agency, created by its first entry; only its agency changes
 * it, and to anyone else it does not exist.
 */
@Aggregate(cache = AggregateCache.BEAN)
class Watchlist {

    /** The most entries a watchlist holds: each one is matched against every event the agency's feed delivers. */
    static final int MAX_ENTRIES = 2_000;

    @AggregateIdentifier
    private String watchlistId;
    private String agency;
    private final Map<String, String> entries = new HashMap<>(); // entry id -> kind and canonical form
    private final Set<String> alerted = new HashSet<>();

    Watchlist() {
        // for Axon: rebuilt from events, or created by the first entry
    }

    /** An entry's id: the same identifier entered twice is one entry. */
    static String entryIdOf(Identifies.Kind kind, String canonical) {
        return UUID.nameUUIDFromBytes((kind + "|" + canonical).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(AddWatchlistEntryCommand command) {
        if (!Agencies.isValid(command.agency()) || !WatchlistIds.of(command.agency()).equals(command.watchlistId())) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "A watchlist is changed by its agency only.");
        }
        if (command.country() != null && command.kind() != Identifies.Kind.PHONE_NUMBER) {
            throw invalid("country", "is given for phone numbers only");
        }
        Identifier identifier;
        try {
            identifier = ContractIdentifiers.of(command.kind(), command.value(),
                    command.country() == null ? null : command.country().strip().toUpperCase(Locale.ROOT));
        } catch (InvalidIdentifierException e) {
            throw invalid(e.part() == InvalidIdentifierException.Part.COUNTRY ? "country" : "value", e.getMessage());
        }
        String entryId = entryIdOf(command.kind(), identifier.canonical());
        if (entries.containsKey(entryId)) {
            return entryId; // entered before: the same entry
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "The watchlist holds " + MAX_ENTRIES + " entries, its most: remove one first.");
        }
        apply(new WatchlistEntryAddedEvent(command.watchlistId(), command.agency(), entryId, command.kind(),
                command.value().strip(), identifier.canonical(),
                command.country() == null ? null : command.country().strip().toUpperCase(Locale.ROOT),
                command.label() == null || command.label().isBlank() ? null : command.label().strip()));
        return entryId;
    }

    @CommandHandler
    void handle(RemoveWatchlistEntryCommand command) {
        requireAgency(command.agency());
        if (!entries.containsKey(command.entryId())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null,
                    "No entry '" + command.entryId() + "' is on your watchlist.");
        }
        apply(new WatchlistEntryRemovedEvent(watchlistId, agency, command.entryId()));
    }

    @CommandHandler
    void handle(RaiseWatchlistAlertCommand command) {
        requireAgency(command.agency());
        String entry = entries.get(command.entryId());
        String alertId = UUID.nameUUIDFromBytes(String.join("|", watchlistId, command.entryId(),
                command.item().context(), command.item().itemId()).getBytes(StandardCharsets.UTF_8)).toString();
        if (entry == null || alerted.contains(alertId)) {
            return; // taken off since, or alerted of this item already
        }
        MatchRule rule = MatchRule.ofId(command.rule());
        int bar = entry.indexOf('|');
        apply(new WatchlistAlertRaisedEvent(watchlistId, agency, alertId, command.entryId(),
                Identifies.Kind.valueOf(entry.substring(0, bar)), entry.substring(bar + 1), command.item(),
                command.sequence(), command.path(), command.value(), command.country(), rule.id(),
                rule.strength().name().toLowerCase(Locale.ROOT)));
    }

    private void requireAgency(String caller) {
        if (!agency.equals(caller)) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No watchlist is visible to you.");
        }
    }

    @EventSourcingHandler
    void on(WatchlistEntryAddedEvent event) {
        watchlistId = event.watchlistId();
        agency = event.agency();
        entries.put(event.entryId(), event.kind() + "|" + event.value());
    }

    @EventSourcingHandler
    void on(WatchlistEntryRemovedEvent event) {
        entries.remove(event.entryId());
    }

    @EventSourcingHandler
    void on(WatchlistAlertRaisedEvent event) {
        alerted.add(event.alertId());
    }
}
