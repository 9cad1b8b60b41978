package io.jointops.cases.query.caseview;

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

/** Reads the case view, always for one agency: a case the agency may not see is reported as missing. */
@Component
public class CaseViews {

    private static final ViewTable TABLE = new ViewTable("case_view", "case_id",
            "lead_agency = :agency OR :agency = ANY(partner_agencies)", "opened_at DESC, case_id");

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    CaseViews(JdbcClient jdbc, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    /**
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<CaseView> find(String caseId, String agency) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        return read(caseId).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt */
    public Page<CaseView> visibleTo(String agency, int page, int size) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row).map(this::withLinks);
    }

    /**
     * The case as it was at {@code asOf}, rebuilt from its events stored until then (not from the table); empty if it
     * did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<CaseView> asOf(String caseId, Instant asOf, String agency) {
        return CaseViewFold.fold(events.until(caseId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    private Optional<CaseView> read(String caseId) {
        return TABLE.find(jdbc, caseId, this::row).map(this::withLinks);
    }

    /**
     * Waits until the view has caught up with {@code version} of the case, so that a client reading right after
     * writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<CaseView> awaitVersion(String caseId, long version, Duration timeout) {
        return ReadYourWrites.await(() -> read(caseId), view -> view.version() >= version, timeout);
    }

    private CaseView withLinks(CaseView view) {
        List<CaseView.LinkedItem> links = jdbc.sql(
                        "SELECT * FROM case_linked_item WHERE case_id = :id ORDER BY linked_at, item_id")
                .param("id", view.id())
                .query((row, n) -> new CaseView.LinkedItem(row.getString("item_type"), row.getString("item_id"),
                        row.getString("title"), instant(row, "linked_at")))
                .list();
        return new CaseView(view.id(), view.title(), view.summary(), view.leadAgency(), view.partnerAgencies(),
                view.tlp(), view.handlingCode(), view.status(), view.version(), view.openedAt(), view.openedBy(),
                view.updatedAt(), links);
    }

    private CaseView row(ResultSet row, int rowNumber) throws SQLException {
        Array partners = row.getArray("partner_agencies");
        return new CaseView(
                row.getString("case_id"),
                row.getString("title"),
                row.getString("summary"),
                row.getString("lead_agency"),
                Arrays.stream((String[]) partners.getArray()).sorted().toList(),
                row.getString("tlp"),
                row.getString("handling_code"),
                row.getString("status"),
                row.getLong("version"),
                instant(row, "opened_at"),
                row.getString("opened_by"),
                instant(row, "updated_at"),
                List.of());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
