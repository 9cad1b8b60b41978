package io.jointops.intel.query.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.WatchlistAlertRaisedEvent;
import io.jointops.api.deconfliction.WatchlistEntryAddedEvent;
import io.jointops.api.deconfliction.WatchlistEntryRemovedEvent;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.identifiers.MatchKey;
import io.jointops.platform.identifiers.ContractIdentifiers;
import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Set;

/**
 * Keeps {@code watchlist_view} with {@link WatchlistViewFold#apply} (as {@code asOf} does), the entries' match keys
 * ({@code watchlist_key}, computed by the running release's rules, so a replay recomputes them) and the alerts
 * ({@code watchlist_alert}). The version guard and the keys' and alerts' own keys make a replay change nothing.
 */
@Component
@ProcessingGroup(WatchlistProjector.PROCESSING_GROUP)
class WatchlistProjector implements FoldedView {

    static final String PROCESSING_GROUP = "watchlist-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WatchlistProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return WatchlistViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE watchlist_view, watchlist_key, watchlist_alert").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) throws JsonProcessingException {
        if (!WatchlistViewFold.handles(payload)) {
            return;
        }
        WatchlistView stored = WatchlistViews.read(jdbc, json, message.getAggregateIdentifier()).orElse(null);
        if (stored != null && stored.version() >= message.getSequenceNumber()) {
            return;
        }
        WatchlistView view = WatchlistViewFold.apply(stored, message);
        if (view == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO watchlist_view (watchlist_id, agency, version, doc)
                        VALUES (:id, :agency, :version, CAST(:doc AS jsonb))
                        ON CONFLICT (watchlist_id) DO UPDATE SET version = :version, doc = CAST(:doc AS jsonb)""")
                .param("id", view.id()).param("agency", view.agency()).param("version", view.version())
                .param("doc", json.writeValueAsString(view))
                .update();
        if (payload instanceof WatchlistEntryAddedEvent added) {
            keys(added);
        } else if (payload instanceof WatchlistEntryRemovedEvent removed) {
            jdbc.sql("DELETE FROM watchlist_key WHERE agency = :agency AND entry_id = :entry")
                    .param("agency", removed.agency()).param("entry", removed.entryId()).update();
        } else if (payload instanceof WatchlistAlertRaisedEvent alert) {
            jdbc.sql("""
                            INSERT INTO watchlist_alert (alert_id, agency, entry_id, kind, entry_value, item_context,
                                                         item_type, item_id, sequence, path, value, rule, strength,
                                                         raised_at)
                            VALUES (:alert, :agency, :entry, :kind, :entryValue, :context, :type, :item, :sequence,
                                    :path, :value, :rule, :strength, :at)
                            ON CONFLICT (alert_id) DO NOTHING""")
                    .param("alert", alert.alertId()).param("agency", alert.agency()).param("entry", alert.entryId())
                    .param("kind", alert.kind().name()).param("entryValue", alert.entryValue())
                    .param("context", alert.item().context()).param("type", alert.item().itemType())
                    .param("item", alert.item().itemId()).param("sequence", alert.sequence())
                    .param("path", alert.path()).param("value", alert.value()).param("rule", alert.rule())
                    .param("strength", alert.strength())
                    .param("at", message.getTimestamp().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /** The entry's match keys, by the running release's rules (an entry the rules refuse now has none). */
    private void keys(WatchlistEntryAddedEvent added) {
        Identifier identifier;
        try {
            identifier = ContractIdentifiers.of(added.kind(), added.value(), added.country());
        } catch (InvalidIdentifierException e) {
            return;
        }
        String family = ContractIdentifiers.kind(added.kind()).family().name();
        for (MatchKey key : identifier.keys()) {
            jdbc.sql("""
                            INSERT INTO watchlist_key (agency, family, index_key, entry_id, rule)
                            VALUES (:agency, :family, :key, :entry, :rule) ON CONFLICT DO NOTHING""")
                    .param("agency", added.agency()).param("family", family).param("key", key.indexKey())
                    .param("entry", added.entryId()).param("rule", key.rule().id())
                    .update();
        }
    }
}
