package io.jointops.chemicals.query.notificationview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
import io.jointops.chemicals.command.PartyNames;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keeps {@code notification_view}; every statement is idempotent so a replay rebuilds the same rows. */
@Component
@ProcessingGroup(NotificationViewProjector.PROCESSING_GROUP)
class NotificationViewProjector {

    static final String PROCESSING_GROUP = "notification-view";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NotificationViewProjector(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM notification_view").update();
    }

    @EventHandler
    void on(PreExportNotificationFiledEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) throws JsonProcessingException {
        jdbc.sql("""
                        INSERT INTO notification_view (notification_id, exporting_agency, importing_agency, exporter,
                                                       importer, consignee, substance_name, cas_number, quantity, unit,
                                                       expected_dispatch_date, point_of_entry, export_licence_number,
                                                       tlp, handling_code, version, filed_at, filed_by, updated_at,
                                                       status, mixture_percentage, transport_mode, route,
                                                       response_due_by, importer_key)
                        VALUES (:id, :exporting, :importing, CAST(:exporter AS JSONB), CAST(:importer AS JSONB),
                                CAST(:consignee AS JSONB), :substance, :cas, :quantity, :unit, :dispatch, :entry,
                                :licence, :tlp, :handling, :version, :at, :actor, :at, 'FILED', :mixture, :transport,
                                CAST(:route AS JSONB), :due, :importerKey)
                        ON CONFLICT (notification_id) DO NOTHING""")
                .param("id", event.notificationId())
                .param("exporting", event.exportingAgency())
                .param("importing", event.importingAgency())
                .param("exporter", party(event.exporter()))
                .param("importer", party(event.importer()))
                .param("consignee", party(event.consignee()))
                .param("substance", event.substanceName())
                .param("cas", event.casNumber())
                .param("quantity", event.quantity())
                .param("unit", event.unit().name())
                .param("dispatch", event.expectedDispatchDate())
                .param("entry", event.pointOfEntry())
                .param("licence", event.exportLicenceNumber())
                .param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .param("mixture", event.mixturePercentage())
                .param("transport", event.transportMode() == null ? null : event.transportMode().name())
                .param("route", json.writeValueAsString(event.route() == null ? java.util.List.of() : event.route()))
                .param("due", event.responseDueBy() == null ? null : utc(event.responseDueBy()))
                .param("importerKey", PartyNames.normalise(event.importer().name()))
                .update();
    }

    @EventHandler
    void on(PreExportNotificationAcknowledgedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE notification_view SET status = 'ACKNOWLEDGED', acknowledged_at = :at, version = :version,
                               updated_at = :at
                         WHERE notification_id = :id AND version < :version""")
                .param("id", event.notificationId()).param("version", version).param("at", utc(at)).update();
    }

    @EventHandler
    void on(PreExportNotificationClearedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        answered(event.notificationId(), "CLEARED", null, version, at);
    }

    @EventHandler
    void on(PreExportNotificationObjectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        answered(event.notificationId(), "OBJECTED", event.reason(), version, at);
    }

    @EventHandler
    void on(PreExportNotificationUnansweredEvent event, @SequenceNumber long version, @Timestamp Instant at)
            throws JsonProcessingException {
        jdbc.sql("""
                        UPDATE notification_view SET status = 'NO_REPLY', escalated_to = CAST(:escalated AS JSONB),
                               escalated_at = :at, version = :version, updated_at = :at
                         WHERE notification_id = :id AND version < :version""")
                .param("id", event.notificationId()).param("version", version).param("at", utc(at))
                .param("escalated", json.writeValueAsString(event.escalatedTo().stream().sorted().toList()))
                .update();
    }

    private void answered(String notificationId, String status, String reason, long version, Instant at) {
        jdbc.sql("""
                        UPDATE notification_view SET status = :status, answered_at = :at, objection_reason = :reason,
                               version = :version, updated_at = :at
                         WHERE notification_id = :id AND version < :version""")
                .param("id", notificationId).param("status", status).param("reason", reason)
                .param("version", version).param("at", utc(at)).update();
    }

    private String party(Party party) throws JsonProcessingException {
        return json.writeValueAsString(party);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
