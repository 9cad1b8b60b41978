package io.jointops.chemicals.query.notificationview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
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
                                                       tlp, handling_code, version, filed_at, filed_by, updated_at)
                        VALUES (:id, :exporting, :importing, CAST(:exporter AS JSONB), CAST(:importer AS JSONB),
                                CAST(:consignee AS JSONB), :substance, :cas, :quantity, :unit, :dispatch, :entry,
                                :licence, :tlp, :handling, :version, :at, :actor, :at)
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
                .update();
    }

    private String party(Party party) throws JsonProcessingException {
        return json.writeValueAsString(party);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
