package io.jointops.cases.query.cooperation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads (and, for its projector, writes) the cooperation request view; a request is visible to its two agencies. */
@Component
public class CooperationRequests implements ItemViews<CooperationRequestView> {

    private static final TypeReference<List<SharedItemRef>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<CooperationRequestView.Answer>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    CooperationRequests(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<CooperationRequestView> find(String requestId, String agency) {
        replays.requireServing(CooperationRequestProjector.PROCESSING_GROUP);
        return read(requestId).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** The request as it was at {@code asOf}, folded from its events; empty if it did not exist or was not visible. */
    public Optional<CooperationRequestView> asOf(String requestId, Instant asOf, String agency) {
        return CooperationRequestFold.fold(events.until(requestId, asOf))
                .filter(view -> agency == null || view.visibleTo(agency));
    }

    /** Requests received by {@code agency}, soonest due first. */
    public Page<CooperationRequestView> inbox(String agency, int page, int size) {
        return list("receiving_agency = :agency", "response_due, request_id", agency, page, size);
    }

    /** Requests sent by {@code agency}, newest first. */
    public Page<CooperationRequestView> outbox(String agency, int page, int size) {
        return list("requesting_agency = :agency", "sent_at DESC, request_id", agency, page, size);
    }

    /** Overdue requests still waiting for an answer, sent or received by {@code agency}, most overdue first. */
    public Page<CooperationRequestView> overdue(String agency, int page, int size) {
        return list("overdue AND status IN ('SENT', 'ACKNOWLEDGED', 'PARTIALLY_ANSWERED') "
                + "AND (receiving_agency = :agency OR requesting_agency = :agency)", "response_due, request_id", agency, page, size);
    }

    /** The requests of a case that {@code agency} sent or received ({@code null}: all of them), oldest first. */
    public List<CooperationRequestView> ofCase(String caseId, String agency) {
        replays.requireServing(CooperationRequestProjector.PROCESSING_GROUP);
        return jdbc.sql("""
                        SELECT * FROM cooperation_request_view
                         WHERE case_id = :caseId
                           AND (CAST(:agency AS VARCHAR) IS NULL OR receiving_agency = :agency OR requesting_agency = :agency)
                         ORDER BY sent_at, request_id""")
                .param("caseId", caseId).param("agency", agency).query(this::row).list();
    }

    /** Waits until the view shows {@code version} of the request, so that the caller's next read sees its write. */
    public Optional<CooperationRequestView> awaitVersion(String requestId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(requestId, version, () -> read(requestId), view -> view.version(), timeout);
    }

    private Page<CooperationRequestView> list(String condition, String order, String agency, int page, int size) {
        replays.requireServing(CooperationRequestProjector.PROCESSING_GROUP);
        long total = jdbc.sql("SELECT count(*) FROM cooperation_request_view WHERE " + condition)
                .param("agency", agency).query(Long.class).single();
        List<CooperationRequestView> items = jdbc.sql("SELECT * FROM cooperation_request_view WHERE " + condition
                        + " ORDER BY " + order + Page.rows(page, size))
                .param("agency", agency)
                .query(this::row).list();
        return Page.of(items, page, size, total);
    }

    Optional<CooperationRequestView> read(String requestId) {
        return jdbc.sql("SELECT * FROM cooperation_request_view WHERE request_id = :id")
                .param("id", requestId).query(this::row).optional();
    }

    void write(CooperationRequestView v) {
        jdbc.sql("""
                        INSERT INTO cooperation_request_view (request_id, case_id, requesting_agency, receiving_agency, type,
                            legal_basis, legal_reference, priority, question, attachments, answers, status, status_reason,
                            response_due, remind_at, escalate_at, reminded, overdue, escalated, sent_by, sent_at,
                            acknowledged_by, acknowledged_at, version, updated_at)
                        VALUES (:id, :caseId, :requesting, :receiving, :type, :basis, :reference, :priority, :question,
                            :attachments, :answers, :status, :reason, :due, :remindAt, :escalateAt, :reminded, :overdue,
                            :escalated, :sentBy, :sentAt, :ackBy, :ackAt, :version, :updatedAt)
                        ON CONFLICT (request_id) DO UPDATE SET answers = :answers, status = :status, status_reason = :reason,
                            reminded = :reminded, overdue = :overdue, escalated = :escalated, acknowledged_by = :ackBy,
                            acknowledged_at = :ackAt, version = :version, updated_at = :updatedAt
                        WHERE cooperation_request_view.version < :version""")
                .param("id", v.id()).param("caseId", v.caseId())
                .param("requesting", v.requestingAgency()).param("receiving", v.receivingAgency())
                .param("type", v.type()).param("basis", v.legalBasis().text()).param("reference", v.legalBasis().reference())
                .param("priority", v.priority()).param("question", v.question())
                .param("attachments", write(v.attachments())).param("answers", write(v.answers()))
                .param("status", v.status()).param("reason", v.statusReason())
                .param("due", utc(v.responseDue())).param("remindAt", utc(v.remindAt())).param("escalateAt", utc(v.escalateAt()))
                .param("reminded", v.reminded()).param("overdue", v.overdue()).param("escalated", v.escalated())
                .param("sentBy", v.sentBy()).param("sentAt", utc(v.sentAt()))
                .param("ackBy", v.acknowledgedBy()).param("ackAt", utc(v.acknowledgedAt()))
                .param("version", v.version()).param("updatedAt", utc(v.updatedAt()))
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE cooperation_request_view").update();
    }

    private CooperationRequestView row(ResultSet row, int n) throws SQLException {
        return new CooperationRequestView(row.getString("request_id"), row.getString("case_id"),
                row.getString("requesting_agency"), row.getString("receiving_agency"), row.getString("type"),
                new LegalBasis(row.getString("legal_basis"), row.getString("legal_reference")), row.getString("priority"),
                row.getString("question"), read(row.getString("attachments"), ITEMS), read(row.getString("answers"), ANSWERS),
                row.getString("status"), row.getString("status_reason"), instant(row, "response_due"),
                instant(row, "remind_at"), instant(row, "escalate_at"), row.getBoolean("reminded"),
                row.getBoolean("overdue"), row.getBoolean("escalated"), row.getString("sent_by"), instant(row, "sent_at"),
                row.getString("acknowledged_by"), instant(row, "acknowledged_at"), row.getLong("version"),
                instant(row, "updated_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
