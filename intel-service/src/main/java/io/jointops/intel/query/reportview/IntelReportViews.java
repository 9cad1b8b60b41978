package io.jointops.intel.query.reportview;

import io.jointops.platform.query.ItemEvents;
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
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the report view, always for one agency: a report the agency may not see is reported as missing. */
@Component
public class IntelReportViews {

    private static final ViewTable TABLE = new ViewTable("intel_report_view", "report_id",
            "owner_agency = :agency OR :agency = ANY(released_to)", "submitted_at DESC, report_id");

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    IntelReportViews(JdbcClient jdbc, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    /**
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<IntelReportView> find(String reportId, String agency) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        return read(reportId).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt */
    public Page<IntelReportView> visibleTo(String agency, int page, int size) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row);
    }

    /**
     * The intelligence report as it was at {@code asOf}, rebuilt from its events stored until then (not from the table);
     * empty if it did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<IntelReportView> asOf(String reportId, Instant asOf, String agency) {
        return IntelReportViewFold.fold(events.until(reportId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    private Optional<IntelReportView> read(String reportId) {
        return TABLE.find(jdbc, reportId, this::row);
    }

    /**
     * Waits until the view has caught up with {@code version} of the report, so that a client reading right after
     * writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<IntelReportView> awaitVersion(String reportId, long version, Duration timeout) {
        return ReadYourWrites.await(() -> read(reportId), view -> view.version() >= version, timeout);
    }

    private IntelReportView row(ResultSet row, int rowNumber) throws SQLException {
        return new IntelReportView(
                row.getString("report_id"),
                row.getString("title"),
                row.getString("summary"),
                row.getString("category"),
                row.getString("source_reliability"),
                row.getInt("information_credibility"),
                row.getString("grading"),
                row.getString("owner_agency"),
                texts(row.getArray("released_to"), true),
                row.getString("tlp"),
                row.getString("handling_code"),
                texts(row.getArray("linked_cases"), false),
                row.getLong("version"),
                instant(row, "submitted_at"),
                row.getString("submitted_by"),
                instant(row, "updated_at"));
    }

    /** Released agencies read best sorted; linked cases in the order they were linked. */
    private static List<String> texts(Array array, boolean sorted) throws SQLException {
        var values = Arrays.stream((String[]) array.getArray());
        return (sorted ? values.sorted() : values).toList();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
