package io.jointops.intel.query.readlog;

import io.jointops.api.intel.IntelReportReadEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps {@code intel_report_read}; keyed by the event's id, so a replay or redelivery adds nothing twice. */
@Component
@ProcessingGroup(ReadLogProjector.PROCESSING_GROUP)
class ReadLogProjector {

    static final String PROCESSING_GROUP = "intel-report-reads";

    private final JdbcClient jdbc;

    ReadLogProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM intel_report_read").update();
    }

    @EventHandler
    void on(IntelReportReadEvent event, EventMessage<?> message, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO intel_report_read (event_id, report_id, reader, reader_agency, read_view, read_at)
                        VALUES (:eventId, :reportId, :reader, :agency, :view, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", message.getIdentifier())
                .param("reportId", event.reportId())
                .param("reader", event.reader())
                .param("agency", event.readerAgency())
                .param("view", event.view())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
