package io.jointops.finance.query.reportview;

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
 * Keeps {@code transaction_report_view}: each report event is folded into the stored record with
 * {@link TransactionReportViewFold#apply}, the function {@code ?asOf=} uses, and the record is written back whole; a
 * replayed event is skipped.
 */
@Component
@ProcessingGroup(TransactionReportViewProjector.PROCESSING_GROUP)
class TransactionReportViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "transaction-report-view";

    private final JdbcClient jdbc;
    private final TransactionReportViews views;

    TransactionReportViewProjector(JdbcClient jdbc, TransactionReportViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return TransactionReportViewFold.EVENTS;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE transaction_report_view").update();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!TransactionReportViewFold.handles(payload)) {
            return;
        }
        TransactionReportView current = views.read(message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        TransactionReportView next = TransactionReportViewFold.apply(current, message);
        if (next != null) {
            write(next);
        }
    }

    /** The record as the table's columns, which the list's visibility condition and order use. */
    private void write(TransactionReportView view) {
        jdbc.sql("""
                        INSERT INTO transaction_report_view (report_id, report_code, reporting_entity, submission_date,
                                                             reason, owner_agency, released_to, tlp, handling_code,
                                                             reporting_person, indicators, transaction_count,
                                                             version, filed_at, filed_by, updated_at)
                        VALUES (:id, :code, :entity, :submitted, :reason, :owner, string_to_array(:released, ','),
                                :tlp, :handling, :person, string_to_array(:indicators, chr(31)), :count, :version,
                                :filed, :filedBy, :updated)
                        ON CONFLICT (report_id) DO UPDATE
                           SET report_code = EXCLUDED.report_code, reporting_entity = EXCLUDED.reporting_entity,
                               submission_date = EXCLUDED.submission_date, reason = EXCLUDED.reason,
                               owner_agency = EXCLUDED.owner_agency, released_to = EXCLUDED.released_to,
                               tlp = EXCLUDED.tlp, handling_code = EXCLUDED.handling_code,
                               reporting_person = EXCLUDED.reporting_person, indicators = EXCLUDED.indicators,
                               transaction_count = EXCLUDED.transaction_count, version = EXCLUDED.version,
                               filed_at = EXCLUDED.filed_at, filed_by = EXCLUDED.filed_by,
                               updated_at = EXCLUDED.updated_at
                         WHERE transaction_report_view.version < EXCLUDED.version""")
                .param("id", view.id())
                .param("code", view.reportCode())
                .param("entity", view.reportingEntity())
                .param("submitted", view.submissionDate())
                .param("reason", view.reason())
                .param("owner", view.ownerAgency())
                .param("released", String.join(",", view.releasedTo()))
                .param("tlp", view.tlp())
                .param("handling", view.handlingCode())
                .param("person", view.reportingPerson())
                .param("indicators", String.join("\u001f", view.indicators()))
                .param("count", view.transactionCount())
                .param("version", view.version())
                .param("filed", view.filedAt().atOffset(ZoneOffset.UTC))
                .param("filedBy", view.filedBy())
                .param("updated", view.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }
}
