package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.EntityType;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the report view, always for one agency: a report the agency may not see is reported as missing. */
@Component
public class IntelReportViews implements ItemViews<IntelReportView> {

    /** The SQL twin of {@link IntelReportView#visibleTo(String)}. */
    static final String VISIBLE = "(owner_agency = :agency OR (:agency = ANY(released_to) AND status IN ('DISSEMINATED', 'WITHDRAWN')))";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    IntelReportViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /**
     * The report as {@code agency} may see it, or empty.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<IntelReportView> find(String reportId, String agency) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        return read(jdbc, json, reportId).flatMap(view -> shownTo(view, agency));
    }

    /**
     * What {@code agency} is shown of the report ({@link IntelReportView#shownTo}), if it may see it.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    @Override
    public Optional<IntelReportView> shownTo(IntelReportView report, String agency) {
        return agency == null || report.visibleTo(agency) ? Optional.of(report.shownTo(agency)) : Optional.empty();
    }

    /**
     * The reports {@code agency} may see, as summaries: a list carries no report's content, so that every read of
     * content goes through {@link #find} and the read log.
     *
     * @param status only reports of this status, or all if null
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Page<IntelReportSummary> visibleTo(String agency, String status, int page, int size) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (agency != null) {
            where.append(" AND ").append(VISIBLE);
        }
        if (status != null) {
            where.append(" AND status = :status");
        }
        var count = jdbc.sql("SELECT count(*) FROM intel_report_view" + where);
        var select = jdbc.sql("SELECT doc FROM intel_report_view" + where
                + " ORDER BY created_at DESC, report_id LIMIT :size OFFSET :offset");
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        if (status != null) {
            count = count.param("status", status);
            select = select.param("status", status);
        }
        long total = count.query(Long.class).single();
        List<IntelReportSummary> items = select.param("size", size).param("offset", (long) page * size)
                .query(String.class).list().stream()
                .map(doc -> IntelReportSummary.of(parse(json, doc).shownTo(agency))).toList();
        return Page.of(items, page, size, total);
    }

    /**
     * The report as it was at {@code asOf}, rebuilt from its events stored until then (not from the table);
     * empty if it did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<IntelReportView> asOf(String reportId, Instant asOf, String agency) {
        return IntelReportViewFold.fold(events.until(reportId, asOf))
                .filter(view -> agency == null || view.visibleTo(agency))
                .map(view -> view.shownTo(agency));
    }

    /**
     * Hit/no-hit: the reports naming the entity (normalised), split into those {@code agency} may see and the
     * disseminated ones of other owners it may not. Withdrawn reports do not count.
     *
     * @param agency the caller's agency; {@code null} (auditors) sees all
     */
    public EntityMatches matching(EntityType type, String normalised, String agency) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        List<EntityMatch> matches = jdbc.sql("""
                        SELECT v.report_id, v.owner_agency, v.status, v.released_to
                          FROM intel_report_entity e JOIN intel_report_view v ON v.report_id = e.report_id
                         WHERE e.entity_type = :type AND e.normalised = :normalised AND v.status <> 'WITHDRAWN'
                         ORDER BY v.report_id""")
                .param("type", type.name()).param("normalised", normalised)
                .query((row, n) -> new EntityMatch(row.getString("report_id"), row.getString("owner_agency"),
                        row.getString("status"), List.of((String[]) row.getArray("released_to").getArray())))
                .list();
        List<String> visible = matches.stream().filter(match -> agency == null || match.visibleTo(agency))
                .map(EntityMatch::reportId).toList();
        List<EntityMatch> hidden = matches.stream()
                .filter(match -> agency != null && !match.visibleTo(agency) && match.status().equals("DISSEMINATED"))
                .toList();
        return new EntityMatches(visible, hidden);
    }

    /** @param hidden reports the searcher may not see; their owners are told, the searcher is not */
    public record EntityMatches(List<String> visible, List<EntityMatch> hidden) {
    }

    public record EntityMatch(String reportId, String ownerAgency, String status, List<String> releasedTo) {
        boolean visibleTo(String agency) {
            return ownerAgency.equals(agency) || (releasedTo.contains(agency)
                    && (status.equals("DISSEMINATED") || status.equals("WITHDRAWN")));
        }
    }

    /**
     * Waits until the view has caught up with {@code version} of the report, so that a client reading right after
     * writing sees its write. Returns the view (unfiltered: the caller checks), or empty after {@code timeout}.
     */
    public Optional<IntelReportView> awaitVersion(String reportId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(reportId, version, () -> read(jdbc, json, reportId), view -> view.version(), timeout);
    }

    static Optional<IntelReportView> read(JdbcClient jdbc, ObjectMapper json, String reportId) {
        return jdbc.sql("SELECT doc FROM intel_report_view WHERE report_id = :id").param("id", reportId)
                .query(String.class).optional().map(doc -> parse(json, doc));
    }

    private static IntelReportView parse(ObjectMapper json, String doc) {
        try {
            return json.readValue(doc, IntelReportView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
