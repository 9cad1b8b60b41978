package io.jointops.cases.query.caselead;

import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads (and, for its projector, writes) the case lead view; a lead is visible to the agencies of its item. */
@Component
public class CaseLeads implements ItemViews<CaseLeadView> {

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    CaseLeads(JdbcClient jdbc, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<CaseLeadView> find(String leadId, String agency) {
        replays.requireServing(CaseLeadProjector.PROCESSING_GROUP);
        return read(leadId).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Optional<CaseLeadView> asOf(String leadId, Instant asOf, String agency) {
        return CaseLeadFold.fold(events.until(leadId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** Leads {@code agency} may see, newest first, optionally of one item and/or in one status. */
    public Page<CaseLeadView> visibleTo(String agency, String itemId, String status, int page, int size) {
        replays.requireServing(CaseLeadProjector.PROCESSING_GROUP);
        String where = " " + """
                 WHERE (CAST(:agency AS VARCHAR) IS NULL OR :agency = ANY(agencies))
                   AND (CAST(:itemId AS VARCHAR) IS NULL OR item_id = :itemId)
                   AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)""";
        long total = jdbc.sql("SELECT count(*) FROM case_lead_view" + where)
                .param("agency", agency).param("itemId", itemId).param("status", status).query(Long.class).single();
        List<CaseLeadView> items = jdbc.sql("SELECT * FROM case_lead_view" + where
                        + " ORDER BY proposed_at DESC, lead_id" + Page.rows(page, size))
                .param("agency", agency).param("itemId", itemId).param("status", status)
                .query(this::row).list();
        return Page.of(items, page, size, total);
    }

    public Optional<CaseLeadView> awaitVersion(String leadId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(leadId, version, () -> read(leadId), view -> view.version(), timeout);
    }

    Optional<CaseLeadView> read(String leadId) {
        return jdbc.sql("SELECT * FROM case_lead_view WHERE lead_id = :id").param("id", leadId).query(this::row).optional();
    }

    void write(CaseLeadView v) {
        jdbc.sql("""
                        INSERT INTO case_lead_view (lead_id, item_type, item_id, title, proposing_agency, agencies, reason,
                            status, case_id, decided_by, decided_at, decision_reason, proposed_at, version)
                        VALUES (:id, :itemType, :itemId, :title, :proposing, string_to_array(:agencies, ','), :reason,
                            :status, :caseId, :decidedBy, :decidedAt, :decisionReason, :proposedAt, :version)
                        ON CONFLICT (lead_id) DO UPDATE SET status = :status, case_id = :caseId, decided_by = :decidedBy,
                            decided_at = :decidedAt, decision_reason = :decisionReason, version = :version
                        WHERE case_lead_view.version < :version""")
                .param("id", v.leadId()).param("itemType", v.itemType()).param("itemId", v.itemId())
                .param("title", v.title()).param("proposing", v.proposingAgency())
                .param("agencies", String.join(",", v.agencies())).param("reason", v.reason())
                .param("status", v.status()).param("caseId", v.caseId()).param("decidedBy", v.decidedBy())
                .param("decidedAt", utc(v.decidedAt())).param("decisionReason", v.decisionReason())
                .param("proposedAt", utc(v.proposedAt())).param("version", v.version())
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE case_lead_view").update();
    }

    private CaseLeadView row(ResultSet row, int n) throws SQLException {
        OffsetDateTime decidedAt = row.getObject("decided_at", OffsetDateTime.class);
        return new CaseLeadView(row.getString("lead_id"), row.getString("item_type"), row.getString("item_id"),
                row.getString("title"), row.getString("proposing_agency"),
                Arrays.stream((String[]) row.getArray("agencies").getArray()).sorted().toList(), row.getString("reason"),
                row.getString("status"), row.getString("case_id"), row.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), row.getString("decision_reason"),
                row.getObject("proposed_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
