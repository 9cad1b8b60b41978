package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
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

/** Keeps {@code intel_report_view}; every statement is idempotent so a replay rebuilds the same rows. */
@Component
@ProcessingGroup(IntelReportViewProjector.PROCESSING_GROUP)
class IntelReportViewProjector {

    static final String PROCESSING_GROUP = "intel-report-view";

    private final JdbcClient jdbc;

    IntelReportViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM intel_report_view").update();
    }

    @EventHandler
    void on(IntelReportSubmittedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO intel_report_view (report_id, title, summary, category, source_reliability,
                                                       information_credibility, grading, owner_agency, released_to,
                                                       tlp, handling_code, linked_cases, version, submitted_at,
                                                       submitted_by, updated_at)
                        VALUES (:id, :title, :summary, :category, :reliability, :credibility, :grading, :owner,
                                string_to_array(:released, ','), :tlp, :handling, '{}', :version, :at, :actor, :at)
                        ON CONFLICT (report_id) DO NOTHING""")
                .param("id", event.reportId())
                .param("title", event.title())
                .param("summary", event.summary())
                .param("category", event.category().name())
                .param("reliability", event.sourceReliability().name())
                .param("credibility", event.informationCredibility())
                .param("grading", event.sourceReliability().name() + event.informationCredibility())
                .param("owner", event.ownerAgency())
                .param("released", String.join(",", event.releasedTo()))
                .param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .update();
    }

    @EventHandler
    void on(IntelReportLinkedToCaseEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        // the version guard makes a replayed link a no-op, so a case is never listed twice
        jdbc.sql("""
                        UPDATE intel_report_view
                           SET linked_cases = array_append(linked_cases, :caseId), version = :version, updated_at = :at
                         WHERE report_id = :id AND version < :version""")
                .param("id", event.reportId())
                .param("caseId", event.caseId())
                .param("version", version)
                .param("at", utc(at))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
