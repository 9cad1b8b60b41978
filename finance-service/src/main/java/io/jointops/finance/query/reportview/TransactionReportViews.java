package io.jointops.finance.query.reportview;

import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.ViewTable;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/** Reads the report view, always for one agency: a report the agency may not see is reported as missing. */
@Component
public class TransactionReportViews implements ItemViews<TransactionReportView> {

    private static final ViewTable TABLE = new ViewTable("transaction_report_view", "report_id",
            "owner_agency = :agency OR :agency = ANY(released_to)", "filed_at DESC, report_id");

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    TransactionReportViews(JdbcClient jdbc, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    /**
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<TransactionReportView> find(String reportId, String agency) {
        replays.requireServing(TransactionReportViewProjector.PROCESSING_GROUP);
        return read(reportId).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt */
    public Page<TransactionReportView> visibleTo(String agency, int page, int size) {
        replays.requireServing(TransactionReportViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row);
    }

    /**
     * The transaction report as it was at {@code asOf}, rebuilt from its events stored until then (not from the table);
     * empty if it did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<TransactionReportView> asOf(String reportId, Instant asOf, String agency) {
        return TransactionReportViewFold.fold(events.until(reportId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** The stored record, even while the view is rebuilt (its projector reads it). */
    Optional<TransactionReportView> read(String reportId) {
        return TABLE.find(jdbc, reportId, this::row);
    }

    /**
     * Waits until the view has caught up with {@code version} of the report, so that a client reading right after
     * writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<TransactionReportView> awaitVersion(String reportId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(reportId, version, () -> read(reportId), view -> view.version(), timeout);
    }

    private TransactionReportView row(ResultSet row, int rowNumber) throws SQLException {
        Array released = row.getArray("released_to");
        return new TransactionReportView(
                row.getString("report_id"),
                row.getString("report_code"),
                row.getString("reporting_entity"),
                row.getObject("submission_date", LocalDate.class),
                row.getString("reason"),
                row.getString("owner_agency"),
                Arrays.stream((String[]) released.getArray()).sorted().toList(),
                row.getString("tlp"),
                row.getString("handling_code"),
                row.getString("reporting_person"),
                Arrays.asList((String[]) row.getArray("indicators").getArray()),
                row.getInt("transaction_count"),
                row.getLong("version"),
                instant(row, "filed_at"),
                row.getString("filed_by"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
