package io.jointops.intel.query.takedownview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.TakedownContentRemovedEvent;
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
 * Keeps {@code takedown_view} with {@link TakedownViewFold#apply} (as {@code asOf} does) and {@code takedown_removal}
 * with one row per removal round; the version guard and the round key make replays change nothing.
 */
@Component
@ProcessingGroup(TakedownViewProjector.PROCESSING_GROUP)
class TakedownViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "takedown-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TakedownViewProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return TakedownViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM takedown_removal").update();
        jdbc.sql("DELETE FROM takedown_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) throws JsonProcessingException {
        if (!TakedownViewFold.handles(payload)) {
            return;
        }
        TakedownView stored = TakedownViews.read(jdbc, json, message.getAggregateIdentifier()).orElse(null);
        if (stored != null && stored.version() >= message.getSequenceNumber()) {
            return;
        }
        TakedownView view = TakedownViewFold.apply(stored, message);
        if (view == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO takedown_view (takedown_id, requesting_agency, platform, status, requested_at,
                                                   version, doc)
                        VALUES (:id, :agency, :platform, :status, :requestedAt, :version, CAST(:doc AS JSONB))
                        ON CONFLICT (takedown_id) DO UPDATE
                           SET status = EXCLUDED.status, version = EXCLUDED.version, doc = EXCLUDED.doc""")
                .param("id", view.id())
                .param("agency", view.requestingAgency())
                .param("platform", view.platform())
                .param("status", view.status())
                .param("requestedAt", view.requestedAt().atOffset(ZoneOffset.UTC))
                .param("version", view.version())
                .param("doc", json.writeValueAsString(view))
                .update();
        if (payload instanceof TakedownContentRemovedEvent) {
            jdbc.sql("""
                            INSERT INTO takedown_removal (takedown_id, round, requesting_agency, platform, seconds)
                            VALUES (:id, :round, :agency, :platform, :seconds)
                            ON CONFLICT (takedown_id, round) DO NOTHING""")
                    .param("id", view.id())
                    .param("round", view.round())
                    .param("agency", view.requestingAgency())
                    .param("platform", view.platform())
                    .param("seconds", view.secondsToRemoval())
                    .update();
        }
    }
}
