package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.IntelEntity;
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
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code intel_report_view} and the entity index {@code intel_report_entity}. Each event is folded into the
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
        jdbc.sql("DELETE FROM intel_report_entity").update();
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
            index(view.id(), view.entities());
        }
    }

    private void index(String reportId, List<IntelEntity> entities) {
        jdbc.sql("DELETE FROM intel_report_entity WHERE report_id = :id").param("id", reportId).update();
        entities.stream().map(entity -> entity.type().name() + "\u0000" + entity.normalised()).distinct()
                .forEach(key -> jdbc.sql("""
                                INSERT INTO intel_report_entity (report_id, entity_type, normalised)
                                VALUES (:id, :type, :normalised)""")
                        .param("id", reportId)
                        .param("type", key.substring(0, key.indexOf('\u0000')))
                        .param("normalised", key.substring(key.indexOf('\u0000') + 1))
                        .update());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
