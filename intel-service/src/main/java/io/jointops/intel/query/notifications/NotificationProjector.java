package io.jointops.intel.query.notifications;

import io.jointops.api.intel.IntelEntityHiddenHitEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps {@code intel_notification}; keyed by the event's id, so a replay adds nothing twice. */
@Component
@ProcessingGroup(NotificationProjector.PROCESSING_GROUP)
class NotificationProjector {

    static final String PROCESSING_GROUP = "intel-notifications";

    private final JdbcClient jdbc;

    NotificationProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM intel_notification").update();
    }

    @EventHandler
    void on(IntelEntityHiddenHitEvent event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO intel_notification (event_id, owner_agency, report_id, searching_agency, searcher,
                                                        entity_type, normalised, rule, noted_at)
                        VALUES (:eventId, :owner, :reportId, :agency, :searcher, :type, :normalised, :rule, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", message.getIdentifier())
                .param("owner", event.ownerAgency())
                .param("reportId", event.reportId())
                .param("agency", event.searchingAgency())
                .param("searcher", event.searcher())
                .param("type", event.entityType().name())
                .param("normalised", event.normalised())
                .param("rule", event.rule())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
