package io.jointops.finance.query.reportview;

import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
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

/** Keeps {@code transaction_report_view}; every statement is idempotent so a replay rebuilds the same rows. */
@Component
@ProcessingGroup(TransactionReportViewProjector.PROCESSING_GROUP)
class TransactionReportViewProjector {

    static final String PROCESSING_GROUP = "transaction-report-view";

    private final JdbcClient jdbc;

    TransactionReportViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM transaction_report_view").update();
    }

    @EventHandler
    void on(SuspiciousTransactionReportFiledEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO transaction_report_view (report_id, report_code, reporting_entity, submission_date,
                                                             reason, owner_agency, released_to, tlp, handling_code,
                                                             version, filed_at, filed_by, updated_at)
                        VALUES (:id, :code, :entity, :submitted, :reason, :owner, string_to_array(:released, ','),
                                :tlp, :handling, :version, :at, :actor, :at)
                        ON CONFLICT (report_id) DO NOTHING""")
                .param("id", event.reportId())
                .param("code", event.reportCode().name())
                .param("entity", event.reportingEntity())
                .param("submitted", event.submissionDate())
                .param("reason", event.reason())
                .param("owner", event.ownerAgency())
                .param("released", String.join(",", event.releasedTo()))
                .param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
