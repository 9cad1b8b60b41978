package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Keeps {@code intel_report_view} and the entity index ({@link EntityKeyIndex}). Each event is folded into the
 * stored view with {@link IntelReportViewFold#apply}, the function {@code asOf} uses; an event at or below the row's
 * version was applied already, so a replay or redelivery changes nothing.
 */
@Component
@ProcessingGroup(IntelReportViewProjector.PROCESSING_GROUP)
class IntelReportViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "intel-report-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IntelReportViewProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @Override
    public Set<Class<?>> foldedEvents() {
        return IntelReportViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM intel_report_entity_key").update();
        jdbc.sql("DELETE FROM intel_report_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) throws JsonProcessingException {
        if (!IntelReportViewFold.handles(payload)) {
            return;
        }
        String reportId = message.getAggregateIdentifier();
        IntelReportView stored = IntelReportViews.read(jdbc, json, reportId).orElse(null);
        if (stored != null && stored.version() >= message.getSequenceNumber()) {
            return;
        }
        IntelReportView view = IntelReportViewFold.apply(stored, message);
        if (view == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO intel_report_view (report_id, owner_agency, released_to, status, tlp, created_at,
                                                       version, doc)
                        VALUES (:id, :owner, string_to_array(:released, ','), :status, :tlp, :created, :version,
                                CAST(:doc AS JSONB))
                        ON CONFLICT (report_id) DO UPDATE
                           SET released_to = EXCLUDED.released_to, status = EXCLUDED.status, tlp = EXCLUDED.tlp,
                               version = EXCLUDED.version, doc = EXCLUDED.doc""")
                .param("id", view.id())
                .param("owner", view.ownerAgency())
                .param("released", String.join(",", view.releasedTo()))
                .param("status", view.status())
                .param("tlp", view.tlp())
                .param("created", utc(view.createdAt()))
                .param("version", view.version())
                .param("doc", json.writeValueAsString(view))
                .update();
        if (stored == null || !stored.entities().equals(view.entities())) {
            EntityKeyIndex.write(jdbc, view.id(), view.entities());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
