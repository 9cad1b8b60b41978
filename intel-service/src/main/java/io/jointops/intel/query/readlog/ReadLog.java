package io.jointops.intel.query.readlog;

import io.jointops.api.intel.IntelReportReadEvent;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.security.Caller;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Records reads of a report as events and answers who read it. */
@Component
public class ReadLog {

    private final EventGateway events;
    private final JdbcClient jdbc;
    private final ViewReplays replays;

    ReadLog(EventGateway events, JdbcClient jdbc, ViewReplays replays) {
        this.events = events;
        this.jdbc = jdbc;
        this.replays = replays;
    }

    /** @param view {@code REPORT}, {@code HISTORY}, {@code EXPORT} or {@code FEED} (a partner system's feed) */
    public void record(String reportId, Caller caller, String view) {
        events.publish(GenericEventMessage.asEventMessage(new IntelReportReadEvent(reportId, caller.username(),
                caller.agency(), view)).andMetaData(PublishedEvents.metaData(caller)));
    }

    /** The reads of a report, oldest first. */
    public Page<Read> of(String reportId, int page, int size) {
        replays.requireServing(ReadLogProjector.PROCESSING_GROUP);
        long total = jdbc.sql("SELECT count(*) FROM intel_report_read WHERE report_id = :id").param("id", reportId)
                .query(Long.class).single();
        List<Read> reads = jdbc.sql("""
                        SELECT reader, reader_agency, read_view, read_at FROM intel_report_read
                         WHERE report_id = :id ORDER BY read_at, event_id""" + Page.rows(page, size))
                .param("id", reportId)
                .query((row, n) -> new Read(row.getString("reader"), row.getString("reader_agency"),
                        row.getString("read_view"), row.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list();
        return Page.of(reads, page, size, total);
    }

    /** @param view what was read: {@code REPORT}, {@code HISTORY}, {@code EXPORT} or {@code FEED} */
    public record Read(String user, String agency, String view, Instant at) {
    }
}
