package io.jointops.chemicals.query.notificationview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.chemicals.command.PartyNames;
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
 * Keeps {@code notification_view}: each notification event is folded into the stored record with
 * {@link NotificationViewFold#apply}, the function {@code ?asOf=} uses, and the record is written back whole; a
 * replayed event is skipped.
 */
@Component
@ProcessingGroup(NotificationViewProjector.PROCESSING_GROUP)
class NotificationViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "notification-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final NotificationViews views;

    NotificationViewProjector(JdbcClient jdbc, ObjectMapper json, NotificationViews views) {
        this.jdbc = jdbc;
        this.json = json;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return NotificationViewFold.EVENTS;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE notification_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) throws JsonProcessingException {
        if (!NotificationViewFold.handles(payload)) {
            return;
        }
        NotificationView current = views.read(message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        NotificationView next = NotificationViewFold.apply(current, message);
        if (next != null) {
            write(next);
        }
    }

    /** The record as the table's columns, which lists, the escalation list and the risk indicator filter on. */
    private void write(NotificationView view) throws JsonProcessingException {
        jdbc.sql("""
                        INSERT INTO notification_view (notification_id, exporting_agency, importing_agency, exporter,
                                                       importer, consignee, substance_name, cas_number, quantity, unit,
                                                       expected_dispatch_date, point_of_entry, export_licence_number,
                                                       tlp, handling_code, version, filed_at, filed_by, updated_at,
                                                       status, mixture_percentage, transport_mode, route,
                                                       response_due_by, acknowledged_at, answered_at, objection_reason,
                                                       escalated_to, escalated_at, importer_key)
                        VALUES (:id, :exporting, :importing, CAST(:exporter AS JSONB), CAST(:importer AS JSONB),
                                CAST(:consignee AS JSONB), :substance, :cas, :quantity, :unit, :dispatch, :entry,
                                :licence, :tlp, :handling, :version, :filed, :filedBy, :updated, :status, :mixture,
                                :transport, CAST(:route AS JSONB), :due, :acknowledged, :answered, :reason,
                                CAST(:escalated AS JSONB), :escalatedAt, :importerKey)
                        ON CONFLICT (notification_id) DO UPDATE
                           SET exporting_agency = EXCLUDED.exporting_agency, importing_agency = EXCLUDED.importing_agency,
                               exporter = EXCLUDED.exporter, importer = EXCLUDED.importer, consignee = EXCLUDED.consignee,
                               substance_name = EXCLUDED.substance_name, cas_number = EXCLUDED.cas_number,
                               quantity = EXCLUDED.quantity, unit = EXCLUDED.unit,
                               expected_dispatch_date = EXCLUDED.expected_dispatch_date,
                               point_of_entry = EXCLUDED.point_of_entry,
                               export_licence_number = EXCLUDED.export_licence_number, tlp = EXCLUDED.tlp,
                               handling_code = EXCLUDED.handling_code, version = EXCLUDED.version,
                               filed_at = EXCLUDED.filed_at, filed_by = EXCLUDED.filed_by,
                               updated_at = EXCLUDED.updated_at, status = EXCLUDED.status,
                               mixture_percentage = EXCLUDED.mixture_percentage,
                               transport_mode = EXCLUDED.transport_mode, route = EXCLUDED.route,
                               response_due_by = EXCLUDED.response_due_by, acknowledged_at = EXCLUDED.acknowledged_at,
                               answered_at = EXCLUDED.answered_at, objection_reason = EXCLUDED.objection_reason,
                               escalated_to = EXCLUDED.escalated_to, escalated_at = EXCLUDED.escalated_at,
                               importer_key = EXCLUDED.importer_key
                         WHERE notification_view.version < EXCLUDED.version""")
                .param("id", view.id())
                .param("exporting", view.exportingAgency())
                .param("importing", view.importingAgency())
                .param("exporter", json.writeValueAsString(view.exporter()))
                .param("importer", json.writeValueAsString(view.importer()))
                .param("consignee", json.writeValueAsString(view.consignee()))
                .param("substance", view.substanceName())
                .param("cas", view.casNumber())
                .param("quantity", view.quantity())
                .param("unit", view.unit())
                .param("dispatch", view.expectedDispatchDate())
                .param("entry", view.pointOfEntry())
                .param("licence", view.exportLicenceNumber())
                .param("tlp", view.tlp())
                .param("handling", view.handlingCode())
                .param("version", view.version())
                .param("filed", utc(view.filedAt()))
                .param("filedBy", view.filedBy())
                .param("updated", utc(view.updatedAt()))
                .param("status", view.status())
                .param("mixture", view.mixturePercentage())
                .param("transport", view.transportMode())
                .param("route", json.writeValueAsString(view.route()))
                .param("due", utc(view.responseDueBy()))
                .param("acknowledged", utc(view.acknowledgedAt()))
                .param("answered", utc(view.answeredAt()))
                .param("reason", view.objectionReason())
                // SQL NULL while not escalated, not the JSON null
                .param("escalated", view.escalatedTo() == null ? null : json.writeValueAsString(view.escalatedTo()))
                .param("escalatedAt", utc(view.escalatedAt()))
                .param("importerKey", PartyNames.normalise(view.importer().name()))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
