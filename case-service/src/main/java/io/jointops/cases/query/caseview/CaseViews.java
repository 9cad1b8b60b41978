package io.jointops.cases.query.caseview;

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

    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcClient jdbc;

    CaseViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<CaseView> find(String caseId, String agency) {
        return jdbc.sql("SELECT * FROM case_view WHERE case_id = :id")
                .param("id", caseId)
                .query(this::row)
                .optional()
                .filter(view -> agency == null || view.visibleTo(agency))
                .map(view -> withLinks(view));
    }

    public Page<CaseView> visibleTo(String agency, int page, int size) {
        String where = agency == null ? "" : "WHERE lead_agency = :agency OR :agency = ANY(partner_agencies)";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM case_view " + where);
        JdbcClient.StatementSpec select = jdbc.sql(
                "SELECT * FROM case_view " + where + " ORDER BY opened_at DESC, case_id LIMIT :size OFFSET :offset");
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<CaseView> items = select.param("size", size).param("offset", (long) page * size)
                .query(this::row).list().stream().map(this::withLinks).toList();
        return new Page<>(items, page, size, total, (total + size - 1) / size);
    }

    /**
     * Waits until the view has caught up with {@code version} of the case, so that a client reading right after
     * writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<CaseView> awaitVersion(String caseId, long version, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<CaseView> view = find(caseId, null).filter(v -> v.version() >= version);
            if (view.isPresent() || Instant.now().isAfter(deadline)) {
                return view;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
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

    /** One page of results. */
    public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    }
}
