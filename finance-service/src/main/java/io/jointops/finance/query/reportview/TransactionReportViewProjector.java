package io.jointops.finance.query.reportview;

import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
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
                                                             reporting_person, indicators, transaction_count,
                                                             version, filed_at, filed_by, updated_at)
                        VALUES (:id, :code, :entity, :submitted, :reason, :owner, string_to_array(:released, ','),
                                :tlp, :handling, :person, string_to_array(:indicators, chr(31)), :count, :version, :at, :actor, :at)
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
                .param("person", event.reportingPerson())
                .param("indicators", String.join("\u001f", event.indicators()))
                .param("count", event.transactionCount())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .update();
    }

    /** Widening keeps the array sorted, as the fold does; the version guard makes a redelivery a no-op. */
    @EventHandler
    void on(TransactionReportReleaseWidenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE transaction_report_view
                           SET released_to = ARRAY(SELECT DISTINCT a FROM unnest(array_append(released_to, CAST(:agency AS text))) a ORDER BY a),
                               version = :version, updated_at = :at
                         WHERE report_id = :id AND version < :version""")
                .param("id", event.reportId()).param("agency", event.agency()).param("version", version)
                .param("at", utc(at)).update();
    }

    @EventHandler
    void on(TransactionsReportedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.reportId(), version, at);
    }

    @EventHandler
    void on(TransactionReportLinkedToCaseEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        touch(event.reportId(), version, at);
    }

    private void touch(String reportId, long version, Instant at) {
        jdbc.sql("UPDATE transaction_report_view SET version = :version, updated_at = :at WHERE report_id = :id AND version < :version")
                .param("id", reportId).param("version", version).param("at", utc(at)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
