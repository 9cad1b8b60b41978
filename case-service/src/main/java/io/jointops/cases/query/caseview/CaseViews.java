package io.jointops.cases.query.caseview;

import io.jointops.api.shared.Tlp;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the case view, always for one agency: a case the agency may not see is reported as missing. */
@Component
public class CaseViews implements ItemViews<CaseView> {

    static final Comparator<CaseView.Member> MEMBER_ORDER =
            Comparator.comparing(CaseView.Member::agency).thenComparing(CaseView.Member::username);

    /** The sort keys a search accepts, and their columns. */
    private static final Map<String, String> SORTS = Map.of(
            "openedAt", "opened_at", "updatedAt", "updated_at", "title", "title", "status", "status");

    /** How many cases an agency sees: the sum of its counts, one per processor segment (V5__case_visibility_count.sql). */
    private static final String VISIBLE_TOTAL =
            "(SELECT coalesce(sum(cases), 0) FROM case_visibility_count WHERE agency = :agency) AS total";

    /** A case's whole record (its row, which holds its members and links, with its tasks and notes): one statement. */
    private static final String RECORD = """
            SELECT case_view.*,
              (SELECT coalesce(json_agg(json_build_object('taskId', t.task_id, 'title', t.title, 'assignee', t.assignee,
                      'dueDate', t.due_date, 'status', t.status, 'createdAt', %s, 'updatedAt', %s)
                      ORDER BY t.created_at, t.task_id), '[]') FROM case_task t
                WHERE t.case_id = case_view.case_id) AS tasks,
              (SELECT coalesce(json_agg(json_build_object('noteId', n.note_id, 'text', n.text, 'tlp', n.tlp,
                      'author', n.author, 'agency', n.agency, 'writtenAt', %s)
                      ORDER BY n.written_at, n.note_id), '[]') FROM case_note n
                WHERE n.case_id = case_view.case_id) AS notes
              FROM case_view WHERE case_id = :id""".formatted(isoInstant("t.created_at"), isoInstant("t.updated_at"),
            isoInstant("n.written_at"));

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;
    private final ObjectMapper json;

    CaseViews(JdbcClient jdbc, ItemEvents events, ViewReplays replays, ObjectMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
        this.json = json;
    }

    private static String isoInstant(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** What a search filters by; every field may be null. {@code q} is free text in title or summary. */
    public record Search(String status, String agency, String member, String tag, String q) {
    }

    /** A task of a case; {@code overdue} when its due date has passed and it is neither done nor cancelled. */
    public record Task(String taskId, String caseId, String title, String assignee, LocalDate dueDate, String status,
                       boolean overdue, Instant createdAt, Instant updatedAt) {
    }

    /** A note of a case, with its own TLP label. */
    public record Note(String noteId, String caseId, String text, String tlp, String author, String agency,
                       Instant writtenAt) {
    }

    /**
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<CaseView> find(String caseId, String agency) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        return read(caseId).filter(view -> agency == null || view.visibleTo(agency)).map(view -> view.shownTo(agency));
    }

    /** A case shows each agency only the linked items their owners released to it ({@link CaseView#shownTo}). */
    @Override
    public Optional<CaseView> shownTo(CaseView item, String agency) {
        return Optional.of(item.shownTo(agency));
    }

    /** @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt */
    public Page<CaseView> visibleTo(String agency, int page, int size) {
        return search(agency, new Search(null, null, null, null, null), "openedAt", false, page, size);
    }

    /**
     * The cases {@code agency} may see that match {@code search}, sorted by {@code sort} (one of openedAt, updatedAt,
     * title, status; ties broken by id).
     *
     * @throws IllegalArgumentException for an unknown sort key
     */
    public Page<CaseView> search(String agency, Search search, String sort, boolean ascending, int page, int size) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        String column = SORTS.get(sort);
        if (column == null) {
            throw new IllegalArgumentException("sort");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (agency != null) {
            where.add("(lead_agency = :agency OR :agency = ANY(partner_agencies))");
            params.put("agency", agency);
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status());
        }
        if (search.agency() != null) {
            where.add("(lead_agency = :participant OR :participant = ANY(partner_agencies))");
            params.put("participant", search.agency());
        }
        if (search.member() != null) {
            where.add("EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = case_view.case_id AND m.username = :member)");
            params.put("member", search.member());
        }
        if (search.tag() != null) {
            where.add(":tag = ANY(tags)");
            params.put("tag", search.tag());
        }
        if (search.q() != null && !search.q().isBlank()) {
            where.add("(title ILIKE :q ESCAPE '\\' OR summary ILIKE :q ESCAPE '\\')");
            params.put("q", "%" + search.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String order = " ORDER BY " + column + " " + (ascending ? "ASC" : "DESC") + ", case_id";
        if (agency != null && where.size() == 1 && "opened_at".equals(column) && !ascending) {
            return newestVisibleTo(agency, page, size);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM case_view" + condition).params(params).query(Long.class).single();
        List<CaseView> items = jdbc.sql("SELECT * FROM case_view" + condition + order + Page.rows(page, size))
                .params(params)
                .query(this::row).list().stream().map(view -> view.shownTo(agency)).toList();
        return Page.of(items, page, size, total);
    }

    /**
     * The case as it was at {@code asOf}, rebuilt from its events stored until then (not from the table); empty if it
     * did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<CaseView> asOf(String caseId, Instant asOf, String agency) {
        return CaseViewFold.fold(events.until(caseId, asOf)).filter(view -> agency == null || view.visibleTo(agency))
                .map(view -> view.shownTo(agency));
    }

    /** The case's tasks by due date; the caller checks that the case is visible. */
    public List<Task> tasks(String caseId) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        return jdbc.sql("""
                        SELECT *, (due_date < current_date AND status IN ('OPEN', 'IN_PROGRESS')) AS overdue
                          FROM case_task WHERE case_id = :id ORDER BY due_date, created_at, task_id""")
                .param("id", caseId)
                .query((row, n) -> new Task(row.getString("task_id"), row.getString("case_id"), row.getString("title"),
                        row.getString("assignee"), row.getObject("due_date", LocalDate.class), row.getString("status"),
                        row.getBoolean("overdue"), instant(row, "created_at"), instant(row, "updated_at")))
                .list();
    }

    /**
     * The notes {@code agency} may read, oldest first: a TLP:RED note only for the agency that wrote it
     * ({@link CaseVisibility#readsNote}, the rule the case's history and timeline apply to the note's event).
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public List<Note> notes(String caseId, String agency) {
        replays.requireServing(CaseViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT * FROM case_note WHERE case_id = :id ORDER BY written_at, note_id")
                .param("id", caseId)
                .query((row, n) -> new Note(row.getString("note_id"), row.getString("case_id"), row.getString("text"),
                        row.getString("tlp"), row.getString("author"), row.getString("agency"), instant(row, "written_at")))
                .list().stream()
                .filter(note -> CaseVisibility.readsNote(Tlp.fromLabel(note.tlp()), note.agency(), agency))
                .toList();
    }

    private Optional<CaseView> read(String caseId) {
        return jdbc.sql("SELECT * FROM case_view WHERE case_id = :id").param("id", caseId).query(this::row).optional();
    }

    /** The case's whole record as stored, whoever may see it and also while the view is rebuilt: for its projector. */
    Optional<CaseViewRecord> record(String caseId) {
        return record(RECORD, caseId);
    }

    /** {@link #record}, with the case's row locked until the transaction ends. */
    Optional<CaseViewRecord> recordLocked(String caseId) {
        return record(RECORD + " FOR UPDATE", caseId);
    }

    private Optional<CaseViewRecord> record(String query, String caseId) {
        return jdbc.sql(query).param("id", caseId)
                .query((row, n) -> new CaseViewRecord(row(row, n), storedTasks(row.getString("tasks")),
                        storedNotes(row.getString("notes"))))
                .optional();
    }

    /**
     * Waits until the view has caught up with {@code version} of the case, so that a client reading right after
     * writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<CaseView> awaitVersion(String caseId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(CaseView.class, caseId, version, () -> read(caseId), timeout);
    }

    /**
     * The default list (an agency's cases, newest first, no filter) in one statement: a range of the visibility index,
     * with the agency's total from its counts (kept by the projector) instead of counting its cases.
     */
    private Page<CaseView> newestVisibleTo(String agency, int page, int size) {
        List<Long> totals = new ArrayList<>();
        List<CaseView> items = jdbc.sql("SELECT case_view.*, " + VISIBLE_TOTAL + " FROM case_visibility v"
                        + " JOIN case_view ON case_view.case_id = v.case_id WHERE v.agency = :agency"
                        + " ORDER BY v.opened_at DESC, v.case_id" + Page.rows(page, size))
                .param("agency", agency)
                .query((row, n) -> {
                    totals.add(row.getLong("total"));
                    return row(row, n);
                }).list().stream().map(view -> view.shownTo(agency)).toList();
        // a page past the end has no row to carry the total
        long total = totals.isEmpty() ? jdbc.sql(VISIBLE_TOTAL.replace(" AS total", "")).param("agency", agency)
                .query(Long.class).single() : totals.get(0);
        return Page.of(items, page, size, total);
    }

    private CaseView row(ResultSet row, int rowNumber) throws SQLException {
        return new CaseView(
                row.getString("case_id"),
                row.getString("title"),
                row.getString("summary"),
                row.getString("lead_agency"),
                strings(row.getArray("partner_agencies")),
                row.getString("tlp"),
                row.getString("handling_code"),
                row.getString("status"),
                row.getString("closing_reason"),
                strings(row.getArray("tags")),
                row.getLong("version"),
                instant(row, "opened_at"),
                row.getString("opened_by"),
                instant(row, "updated_at"),
                members(row.getString("members")),
                links(row.getString("linked_items")),
                subjects(row.getString("subjects")));
    }

    private List<CaseView.Subject> subjects(String json) {
        return nodes(json).map(s -> new CaseView.Subject(s.get("id").asText(), s.get("kind").asText(),
                s.get("value").asText(), s.get("canonical").asText(), textOrNull(s, "country"), textOrNull(s, "label"),
                s.get("agency").asText(), textOrNull(s, "addedBy"), Instant.parse(s.get("addedAt").asText()))).toList();
    }

    private List<CaseView.Member> members(String json) {
        return nodes(json).map(m -> new CaseView.Member(m.get("username").asText(), m.get("agency").asText(),
                m.get("role").asText(), Instant.parse(m.get("addedAt").asText()))).sorted(MEMBER_ORDER).toList();
    }

    private List<CaseView.LinkedItem> links(String json) {
        return nodes(json).map(l -> new CaseView.LinkedItem(l.get("itemType").asText(), l.get("itemId").asText(),
                textOrNull(l, "title"), textOrNull(l, "status"), Instant.parse(l.get("linkedAt").asText()),
                Instant.parse(l.get("updatedAt").asText()), texts(l.get("visibleTo")))).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(text -> texts.add(text.asText()));
        }
        return List.copyOf(texts);
    }

    private List<CaseViewRecord.Task> storedTasks(String json) {
        return nodes(json).map(t -> new CaseViewRecord.Task(t.get("taskId").asText(), t.get("title").asText(),
                t.get("assignee").asText(), LocalDate.parse(t.get("dueDate").asText()), t.get("status").asText(),
                Instant.parse(t.get("createdAt").asText()), Instant.parse(t.get("updatedAt").asText()))).toList();
    }

    private List<CaseViewRecord.Note> storedNotes(String json) {
        return nodes(json).map(n -> new CaseViewRecord.Note(n.get("noteId").asText(), n.get("text").asText(),
                n.get("tlp").asText(), n.get("author").asText(), n.get("agency").asText(),
                Instant.parse(n.get("writtenAt").asText()))).toList();
    }

    /** A JSON null (a link without a reported status) is null, not the text "null". */
    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private java.util.stream.Stream<JsonNode> nodes(String json) {
        try {
            return java.util.stream.StreamSupport.stream(this.json.readTree(json).spliterator(), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case view row with malformed members or links", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).sorted().toList();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
