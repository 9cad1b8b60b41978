package io.jointops.cases.query.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.query.FoldedView;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Keeps {@code case_view}, the case's members, linked items, tasks and notes, and {@code case_visibility}: each case
 * event is folded into the stored record with {@link CaseViewFold#apply}, the function {@code ?asOf=} uses, and the
 * record is written back; a replayed event is skipped. A case being opened has no stored record, so its first event is
 * written without a read: one statement for the case and its visibility rows.
 */
@Component
@ProcessingGroup(CaseViewProjector.PROCESSING_GROUP)
class CaseViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "case-view";
    private static final String SEGMENT_RESOURCE = "Processor[" + PROCESSING_GROUP + "]/SegmentId";
    /** Count rows per agency for the commands' transactions, numbered from {@link #COMMAND_ROW_BASE}. */
    private static final int COMMAND_ROWS = 32;
    private static final int COMMAND_ROW_BASE = 1 << 10;
    /** A case's links in the order it is read with: when they were linked, then by item id. */
    private static final Comparator<CaseView.LinkedItem> LINK_ORDER =
            Comparator.comparing(CaseView.LinkedItem::linkedAt).thenComparing(CaseView.LinkedItem::id);

    /** Adds the rows of {@code visible} (inserted or deleted visibility rows, one per agency) to the agencies' counts. */
    private static final String COUNT_VISIBLE = """
            INSERT INTO case_visibility_count (agency, segment, cases)
            SELECT agency, :segment, %s FROM visible GROUP BY agency
            ON CONFLICT (agency, segment) DO UPDATE SET cases = case_visibility_count.cases + EXCLUDED.cases""";

    private final JdbcClient jdbc;
    private final CaseViews views;
    private final ObjectMapper json;
    private final ItemEvents events;

    CaseViewProjector(JdbcClient jdbc, CaseViews views, ObjectMapper json, ItemEvents events) {
        this.jdbc = jdbc;
        this.views = views;
        this.json = json;
        this.events = events;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return CaseViewFold.EVENTS;
    }

    /**
     * Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. One
     * TRUNCATE, not a DELETE per table: deleting case_view row by row checks each row's references in tables whose
     * deleted rows are still there to scan, which took minutes at 100,000 cases (and blocked the replay's start).
     */
    @ResetHandler
    void reset() {
        // case_view first: the commands' transactions, which write the view, take it first too (a lock order that
        // does not deadlock with them)
        jdbc.sql("TRUNCATE case_view, case_linked_item, case_member, case_task, case_note, case_visibility, "
                + "case_visibility_count").update();
    }

    /**
     * A rebuild (the processor catching up): each case's events in order, a case the commands already took further
     * skipped.
     */
    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!CaseViewFold.handles(payload)) {
            return;
        }
        // nothing is stored before a case's first event: no read on the create path
        CaseViewRecord current = message.getSequenceNumber() == 0 ? null
                : views.record(message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        CaseViewRecord next = CaseViewFold.apply(current, message);
        if (next != null && write(current, next)) {
            // the write waiting for this version, and the partner feed, take it from the commit: no read back
            ReadYourWrites.written(next.view().id(), next.view());
        }
    }

    /**
     * Writes {@code message}, appended by the command whose transaction this is, into the view ({@link
     * CaseViewLive}). Tried again when another writer changed the case's rows meanwhile (a rebuild, whose reset
     * empties the tables and whose catch-up writes the case): at most twice, since that writer has then committed.
     */
    void live(DomainEventMessage<?> message) {
        for (int attempt = 1; !writtenLive(message); attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("the case view of " + message.getAggregateIdentifier()
                        + " kept changing under the write of its event " + message.getSequenceNumber());
            }
        }
    }

    /** False when another writer changed the case's rows between the read and the write. */
    private boolean writtenLive(DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        String caseId = message.getAggregateIdentifier();
        CaseViewRecord stored = sequence == 0 ? null : views.record(caseId).orElse(null);
        CaseViewRecord before = stored;
        if (sequence > 0 && (stored == null || stored.version() < sequence - 1)) {
            // a rebuild has not reached the case yet and may be writing it now: its row is locked and read again,
            // and what the rebuild has not written yet is folded from the store
            stored = views.recordLocked(caseId).orElse(null);
            before = stored;
            if (stored == null || stored.version() < sequence - 1) {
                before = null;
                for (DomainEventMessage<?> event : events.upTo(caseId, sequence - 1)) {
                    before = CaseViewFold.apply(before, event);
                }
            }
        }
        if (stored != null && stored.version() >= sequence) {
            return true;
        }
        CaseViewRecord next = CaseViewFold.apply(before, message);
        if (next == null) {
            return true;
        }
        // the rows are changed from what is stored, whatever the fold started from
        if (!write(stored, next)) {
            return false;
        }
        ReadYourWrites.written(caseId, next.view());
        return true;
    }

    /**
     * Writes {@code next} over {@code current} ({@code null}: nothing stored), only what changed: the case's row (a
     * new case with its visibility rows, in one statement), the visibility rows when its agencies changed, and the
     * member, link, task and note rows that differ, each kind in one statement.
     */
    private boolean write(CaseViewRecord current, CaseViewRecord next) {
        CaseView view = next.view();
        if (current == null) {
            if (insert(view) == 0) {
                return false; // another writer stored the case first
            }
        } else {
            if (update(view) == 0) {
                return false; // the row is gone (a rebuild's reset) or another writer took it further
            }
            Set<String> before = Set.copyOf(current.view().agencies());
            Set<String> after = Set.copyOf(view.agencies());
            if (!before.equals(after)) {
                removeVisibility(view, minus(before, after));
                addVisibility(view, minus(after, before));
            }
        }
        CaseView was = current == null ? null : current.view();
        changeRows(was == null ? List.of() : was.members(), view.members(), CaseView.Member::username,
                "case_member", "username", view.id(), this::upsertMembers);
        changeRows(was == null ? List.of() : was.linkedItems(), view.linkedItems(), CaseViewProjector::linkKey,
                "case_linked_item", "item_type || ':' || item_id", view.id(), this::upsertLinks);
        changeRows(current == null ? List.of() : current.tasks(), next.tasks(), CaseViewRecord.Task::taskId,
                "case_task", "task_id", view.id(), this::upsertTasks);
        changeRows(current == null ? List.of() : current.notes(), next.notes(), CaseViewRecord.Note::noteId,
                "case_note", "note_id", view.id(), this::upsertNotes);
        return true;
    }

    private int insert(CaseView view) {
        return jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO case_view (case_id, title, summary, lead_agency, partner_agencies, tlp,
                                                   handling_code, status, closing_reason, tags, version, opened_at,
                                                   opened_by, updated_at, subjects, members, linked_items)
                            VALUES (:id, :title, :summary, :lead, string_to_array(:partners, ','), :tlp, :handling,
                                    :status, :reason, string_to_array(:tags, ','), :version, :opened, :openedBy, :updated,
                                    CAST(:subjects AS JSONB), CAST(:members AS JSONB), CAST(:links AS JSONB))
                            ON CONFLICT (case_id) DO NOTHING
                            RETURNING case_id, opened_at),
                        visible AS (
                            INSERT INTO case_visibility (agency, case_id, opened_at)
                            SELECT agency, inserted.case_id, inserted.opened_at
                              FROM inserted, unnest(string_to_array(:agencies, ',')) AS agency
                            RETURNING agency)
                        """ + COUNT_VISIBLE.formatted("count(*)"))
                .params(columns(view))
                .param("agencies", String.join(",", view.agencies()))
                .param("segment", countRow(view.id()))
                .update();
    }

    private int update(CaseView view) {
        return jdbc.sql("""
                        UPDATE case_view
                           SET title = :title, summary = :summary, lead_agency = :lead,
                               partner_agencies = string_to_array(:partners, ','), tlp = :tlp, handling_code = :handling,
                               status = :status, closing_reason = :reason, tags = string_to_array(:tags, ','),
                               version = :version, opened_at = :opened, opened_by = :openedBy, updated_at = :updated,
                               subjects = CAST(:subjects AS JSONB), members = CAST(:members AS JSONB),
                               linked_items = CAST(:links AS JSONB)
                         WHERE case_id = :id AND version < :version""")
                .params(columns(view))
                .update();
    }

    private Map<String, Object> columns(CaseView view) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", view.id());
        columns.put("title", view.title());
        columns.put("summary", view.summary());
        columns.put("lead", view.leadAgency());
        columns.put("partners", String.join(",", view.partnerAgencies()));
        columns.put("tlp", view.tlp());
        columns.put("handling", view.handlingCode());
        columns.put("status", view.status());
        columns.put("reason", view.closingReason());
        columns.put("tags", String.join(",", view.tags()));
        columns.put("version", view.version());
        columns.put("opened", utc(view.openedAt()));
        columns.put("openedBy", view.openedBy());
        columns.put("updated", utc(view.updatedAt()));
        ArrayNode subjects = json.createArrayNode();
        view.subjects().forEach(subject -> subjects.addObject().put("id", subject.id()).put("kind", subject.kind())
                .put("value", subject.value()).put("canonical", subject.canonical()).put("country", subject.country())
                .put("label", subject.label()).put("agency", subject.agency()).put("addedBy", subject.addedBy())
                .put("addedAt", subject.addedAt().toString()));
        columns.put("subjects", text(subjects));
        // members and links also in the row (V7), so that a case or a page of cases is read without a sub-select; the
        // rows of case_member and case_linked_item serve the search by member and the attachment check
        ArrayNode members = json.createArrayNode();
        view.members().forEach(m -> members.addObject().put("username", m.username()).put("agency", m.agency())
                .put("role", m.role()).put("addedAt", m.addedAt().toString()));
        columns.put("members", text(members));
        ArrayNode links = json.createArrayNode();
        view.linkedItems().stream().sorted(LINK_ORDER).forEach(l -> {
            ObjectNode link = links.addObject().put("itemType", l.type()).put("itemId", l.id())
                    .put("title", l.title()).put("status", l.status()).put("linkedAt", l.linkedAt().toString())
                    .put("updatedAt", (l.updatedAt() != null ? l.updatedAt() : l.linkedAt()).toString());
            l.visibleTo().forEach(link.putArray("visibleTo")::add);
        });
        columns.put("links", text(links));
        return columns;
    }

    private void addVisibility(CaseView view, Set<String> agencies) {
        if (agencies.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        WITH visible AS (
                            INSERT INTO case_visibility (agency, case_id, opened_at)
                            SELECT agency, :id, :opened FROM unnest(string_to_array(:agencies, ',')) AS agency
                            ON CONFLICT DO NOTHING
                            RETURNING agency)
                        """ + COUNT_VISIBLE.formatted("count(*)"))
                .param("id", view.id()).param("opened", utc(view.openedAt()))
                .param("agencies", String.join(",", agencies))
                .param("segment", countRow(view.id()))
                .update();
    }

    private void removeVisibility(CaseView view, Set<String> agencies) {
        if (agencies.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        WITH visible AS (
                            DELETE FROM case_visibility WHERE case_id = :id AND agency IN (:agencies)
                            RETURNING agency)
                        """ + COUNT_VISIBLE.formatted("-count(*)"))
                .param("id", view.id()).param("agencies", List.copyOf(agencies))
                .param("segment", countRow(view.id()))
                .update();
    }

    /**
     * The row of each agency's count this transaction changes, so that concurrent transactions rarely wait for each
     * other's: in a processor (a rebuild) the segment the event is handled in (Axon puts it in the batch's unit of
     * work); in a command's transaction one of {@link #COMMAND_ROWS} rows by case, numbered past the segments'.
     */
    private static int countRow(String caseId) {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.getResource(SEGMENT_RESOURCE))
                .map(segment -> (Integer) segment)
                .orElse(COMMAND_ROW_BASE + Math.floorMod(caseId.hashCode(), COMMAND_ROWS));
    }

    /**
     * Deletes the rows of {@code table} whose key is gone from {@code after} and writes those that are new or changed,
     * each in one statement.
     */
    private <T, K> void changeRows(List<T> before, List<T> after, Function<T, K> key, String table, String keyColumn,
                                   String caseId, BiConsumer<String, List<T>> upsert) {
        Map<K, T> was = new LinkedHashMap<>();
        before.forEach(row -> was.put(key.apply(row), row));
        List<T> changed = new ArrayList<>();
        for (T row : after) {
            if (!Objects.equals(was.remove(key.apply(row)), row)) {
                changed.add(row);
            }
        }
        removeRows(table, keyColumn, caseId, was.keySet());
        if (!changed.isEmpty()) {
            upsert.accept(caseId, changed);
        }
    }

    private void removeRows(String table, String keyColumn, String caseId, Set<?> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql("DELETE FROM " + table + " WHERE case_id = :id AND " + keyColumn + " IN (:keys)")
                    .param("id", caseId).param("keys", List.copyOf(keys)).update();
        }
    }

    private void upsertMembers(String caseId, List<CaseView.Member> members) {
        ArrayNode rows = json.createArrayNode();
        members.forEach(m -> rows.addObject().put("username", m.username()).put("agency", m.agency())
                .put("role", m.role()).put("added_at", m.addedAt().toString()));
        jdbc.sql("""
                        INSERT INTO case_member (case_id, username, agency, role, added_at)
                        SELECT :id, r.username, r.agency, r.role, r.added_at
                          FROM json_to_recordset(CAST(:rows AS JSON))
                               AS r(username TEXT, agency TEXT, role TEXT, added_at TIMESTAMPTZ)
                        ON CONFLICT (case_id, username) DO UPDATE
                           SET agency = EXCLUDED.agency, role = EXCLUDED.role, added_at = EXCLUDED.added_at""")
                .param("id", caseId).param("rows", text(rows)).update();
    }

    private void upsertLinks(String caseId, List<CaseView.LinkedItem> items) {
        ArrayNode rows = json.createArrayNode();
        items.forEach(l -> {
            ObjectNode row = rows.addObject().put("item_type", l.type()).put("item_id", l.id()).put("title", l.title())
                    .put("status", l.status()).put("linked_at", l.linkedAt().toString())
                    .put("updated_at", l.updatedAt().toString());
            l.visibleTo().forEach(row.putArray("visible_to")::add);
        });
        jdbc.sql("""
                        INSERT INTO case_linked_item (case_id, item_type, item_id, title, status, linked_at, updated_at,
                                                      visible_to)
                        SELECT :id, r.item_type, r.item_id, r.title, r.status, r.linked_at, r.updated_at,
                               ARRAY(SELECT json_array_elements_text(r.visible_to))
                          FROM json_to_recordset(CAST(:rows AS JSON))
                               AS r(item_type TEXT, item_id TEXT, title TEXT, status TEXT, linked_at TIMESTAMPTZ,
                                    updated_at TIMESTAMPTZ, visible_to JSON)
                        ON CONFLICT (case_id, item_type, item_id) DO UPDATE
                           SET title = EXCLUDED.title, status = EXCLUDED.status, linked_at = EXCLUDED.linked_at,
                               updated_at = EXCLUDED.updated_at, visible_to = EXCLUDED.visible_to""")
                .param("id", caseId).param("rows", text(rows)).update();
    }

    private void upsertTasks(String caseId, List<CaseViewRecord.Task> tasks) {
        ArrayNode rows = json.createArrayNode();
        tasks.forEach(t -> rows.addObject().put("task_id", t.taskId()).put("title", t.title())
                .put("assignee", t.assignee()).put("due_date", t.dueDate().toString()).put("status", t.status())
                .put("created_at", t.createdAt().toString()).put("updated_at", t.updatedAt().toString()));
        jdbc.sql("""
                        INSERT INTO case_task (task_id, case_id, title, assignee, due_date, status, created_at, updated_at)
                        SELECT r.task_id, :id, r.title, r.assignee, r.due_date, r.status, r.created_at, r.updated_at
                          FROM json_to_recordset(CAST(:rows AS JSON))
                               AS r(task_id TEXT, title TEXT, assignee TEXT, due_date DATE, status TEXT,
                                    created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ)
                        ON CONFLICT (task_id) DO UPDATE
                           SET title = EXCLUDED.title, assignee = EXCLUDED.assignee, due_date = EXCLUDED.due_date,
                               status = EXCLUDED.status, created_at = EXCLUDED.created_at,
                               updated_at = EXCLUDED.updated_at""")
                .param("id", caseId).param("rows", text(rows)).update();
    }

    private void upsertNotes(String caseId, List<CaseViewRecord.Note> notes) {
        ArrayNode rows = json.createArrayNode();
        notes.forEach(n -> rows.addObject().put("note_id", n.noteId()).put("text", n.text()).put("tlp", n.tlp())
                .put("author", n.author()).put("agency", n.agency()).put("written_at", n.writtenAt().toString()));
        jdbc.sql("""
                        INSERT INTO case_note (note_id, case_id, text, tlp, author, agency, written_at)
                        SELECT r.note_id, :id, r.text, r.tlp, r.author, r.agency, r.written_at
                          FROM json_to_recordset(CAST(:rows AS JSON))
                               AS r(note_id TEXT, text TEXT, tlp TEXT, author TEXT, agency TEXT, written_at TIMESTAMPTZ)
                        ON CONFLICT (note_id) DO UPDATE
                           SET text = EXCLUDED.text, tlp = EXCLUDED.tlp, author = EXCLUDED.author,
                               agency = EXCLUDED.agency, written_at = EXCLUDED.written_at""")
                .param("id", caseId).param("rows", text(rows)).update();
    }

    private static String linkKey(CaseView.LinkedItem item) {
        return item.type() + ":" + item.id();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private String text(ArrayNode rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
