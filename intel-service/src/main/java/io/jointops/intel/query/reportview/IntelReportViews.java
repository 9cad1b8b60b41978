package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.intel.EntityType;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.MatchRule;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
                + " ORDER BY created_at DESC, report_id" + Page.rows(page, size));
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        if (status != null) {
            count = count.param("status", status);
            select = select.param("status", status);
        }
        long total = count.query(Long.class).single();
        List<IntelReportSummary> items = select
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
     * Hit/no-hit: the reports naming an entity that matches {@code query} (by any of its keys, {@link EntityKeyIndex}),
     * each with the strongest rule it matched by, split into those {@code agency} may see and the disseminated ones
     * of other owners it may not. Withdrawn reports do not count.
     *
     * @param agency the caller's agency; {@code null} (auditors) sees all
     */
    public EntityMatches matching(EntityType type, Identifier query, String agency) {
        replays.requireServing(IntelReportViewProjector.PROCESSING_GROUP);
        Map<String, List<MatchRule>> wanted = new LinkedHashMap<>();
        query.keys().forEach(key -> wanted.computeIfAbsent(key.indexKey(), k -> new ArrayList<>()).add(key.rule()));
        List<KeyRow> rows = jdbc.sql("""
                        SELECT v.report_id, v.owner_agency, v.status, v.released_to, k.match_key, k.rule
                          FROM intel_report_entity_key k JOIN intel_report_view v ON v.report_id = k.report_id
                         WHERE k.entity_type = :type AND k.match_key IN (:keys) AND v.status <> 'WITHDRAWN'""")
                .param("type", type.name()).param("keys", List.copyOf(wanted.keySet()))
                .query((row, n) -> new KeyRow(row.getString("report_id"), row.getString("owner_agency"),
                        row.getString("status"), List.of((String[]) row.getArray("released_to").getArray()),
                        row.getString("match_key"), MatchRule.ofId(row.getString("rule"))))
                .list();
        Map<String, EntityMatch> best = new TreeMap<>();
        for (KeyRow row : rows) {
            for (MatchRule asked : wanted.get(row.matchKey())) {
                MatchRule.combine(row.rule(), asked).ifPresent(rule -> best.merge(row.reportId(),
                        new EntityMatch(row.reportId(), row.ownerAgency(), row.status(), row.releasedTo(), rule),
                        (a, b) -> MatchRule.stronger(a.rule(), b.rule()) == a.rule() ? a : b));
            }
        }
        List<EntityMatch> matches = List.copyOf(best.values());
        List<EntityMatch> visible = matches.stream().filter(match -> agency == null || match.visibleTo(agency)).toList();
        List<EntityMatch> hidden = matches.stream()
                .filter(match -> agency != null && !match.visibleTo(agency) && match.status().equals("DISSEMINATED"))
                .toList();
        return new EntityMatches(visible, hidden);
    }

    /**
     * @param visible reports the searcher may see
     * @param hidden  reports the searcher may not see; their owners are told, the searcher is not
     */
    public record EntityMatches(List<EntityMatch> visible, List<EntityMatch> hidden) {
    }

    private record KeyRow(String reportId, String ownerAgency, String status, List<String> releasedTo, String matchKey,
                          MatchRule rule) {
    }

    /** A report naming a matching entity, and the strongest rule by which one of its entities matched. */
    public record EntityMatch(String reportId, String ownerAgency, String status, List<String> releasedTo,
                              MatchRule rule) {
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
