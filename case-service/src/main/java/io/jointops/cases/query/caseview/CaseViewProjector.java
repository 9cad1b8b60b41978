package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
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

/** Keeps {@code case_view}; every statement is idempotent so a replay rebuilds the same rows. */
@Component
@ProcessingGroup(CaseViewProjector.PROCESSING_GROUP)
class CaseViewProjector {

    static final String PROCESSING_GROUP = "case-view";

    private final JdbcClient jdbc;

    CaseViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM case_linked_item").update();
        jdbc.sql("DELETE FROM case_view").update();
    }

    @EventHandler
    void on(CaseOpenedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO case_view (case_id, title, summary, lead_agency, partner_agencies, tlp, handling_code,
                                               status, version, opened_at, opened_by, updated_at)
                        VALUES (:id, :title, :summary, :lead, string_to_array(:partners, ','), :tlp, :handling,
                                'OPENED', :version, :at, :actor, :at)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("id", event.caseId())
                .param("title", event.title())
                .param("summary", event.summary())
                .param("lead", event.leadAgency())
                .param("partners", String.join(",", event.partnerAgencies()))
                .param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .update();
    }

    @EventHandler
    void on(CasePartnerAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE case_view
                           SET partner_agencies = array_append(partner_agencies, :agency), version = :version, updated_at = :at
                         WHERE case_id = :id AND version < :version""")
                .param("id", event.caseId())
                .param("agency", event.agency())
                .param("version", version)
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(CaseItemLinkedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO case_linked_item (case_id, item_type, item_id, title, linked_at)
                        VALUES (:id, :type, :itemId, :title, :at)
                        ON CONFLICT DO NOTHING""")
                .param("id", event.caseId())
                .param("type", event.itemType().name())
                .param("itemId", event.itemId())
                .param("title", event.title())
                .param("at", utc(at))
                .update();
        jdbc.sql("UPDATE case_view SET version = :version, updated_at = :at WHERE case_id = :id AND version < :version")
                .param("id", event.caseId())
                .param("version", version)
                .param("at", utc(at))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
