package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseActivatedEvent;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseMemberRemovedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.CaseReopenedEvent;
import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.cases.CaseTagsSetEvent;
import io.jointops.api.cases.CaseTaskAddedEvent;
import io.jointops.api.cases.CaseTaskStatusChangedEvent;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code case_view} and the case's members, tasks, notes and linked items. Every statement is idempotent (a
 * row changes only for a newer version of its case), so a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(CaseViewProjector.PROCESSING_GROUP)
class CaseViewProjector {

    static final String PROCESSING_GROUP = "case-view";

    private final JdbcClient jdbc;

    CaseViewProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a replay: the view is emptied, in the transaction that resets the tokens; doing it twice is harmless. */
    @ResetHandler
    void reset() {
        for (String table : new String[]{"case_linked_item", "case_member", "case_task", "case_note", "case_visibility",
                "case_view"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @EventHandler
    void on(CaseOpenedEvent event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO case_view (case_id, title, summary, lead_agency, partner_agencies, tlp, handling_code,
                                               status, version, opened_at, opened_by, updated_at)
                        VALUES (:id, :title, :summary, :lead, string_to_array(:partners, ','), :tlp, :handling,
                                'OPENED', :version, :at, :actor, :at)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("id", event.caseId())
                .param("title", event.title())
                .param("summary", event.summary())
                .param("lead", event.leadAgency())
                .param("partners", String.join(",", event.partnerAgencies()))
                .param("tlp", event.tlp().label())
                .param("handling", event.handlingCode().name())
                .param("version", version)
                .param("at", utc(at))
                .param("actor", actor)
                .update();
        visibleTo(event.caseId(), event.leadAgency());
        event.partnerAgencies().forEach(partner -> visibleTo(event.caseId(), partner));
    }

    /** The case is in {@code agency}'s list from now on (idempotent). */
    private void visibleTo(String caseId, String agency) {
        jdbc.sql("""
                        INSERT INTO case_visibility (agency, case_id, opened_at)
                        SELECT :agency, case_id, opened_at FROM case_view WHERE case_id = :id
                        ON CONFLICT DO NOTHING""")
                .param("agency", agency)
                .param("id", caseId)
                .update();
    }

    @EventHandler
    void on(CasePartnerAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE case_view
                           SET partner_agencies = array_append(partner_agencies, :agency), version = :version, updated_at = :at
                         WHERE case_id = :id AND version < :version""")
                .param("id", event.caseId())
                .param("agency", event.agency())
                .param("version", version)
                .param("at", utc(at))
                .update();
        visibleTo(event.caseId(), event.agency());
    }

    @EventHandler
    void on(CaseItemLinkedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("""
                            INSERT INTO case_linked_item (case_id, item_type, item_id, title, linked_at, updated_at)
                            VALUES (:id, :type, :itemId, :title, :at, :at)
                            ON CONFLICT DO NOTHING""")
                    .param("id", event.caseId())
                    .param("type", event.itemType().name())
                    .param("itemId", event.itemId())
                    .param("title", event.title())
                    .param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(CaseLinkedItemUpdatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("""
                            UPDATE case_linked_item
                               SET title = coalesce(:title, title), status = coalesce(:status, status), updated_at = :at
                             WHERE case_id = :id AND item_type = :type AND item_id = :itemId""")
                    .param("id", event.caseId())
                    .param("type", event.itemType().name())
                    .param("itemId", event.itemId())
                    .param("title", event.title())
                    .param("status", event.status())
                    .param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(CaseActivatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.caseId(), "ACTIVE", null, version, at);
    }

    @EventHandler
    void on(CaseSuspendedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("UPDATE case_view SET status = 'SUSPENDED', version = :version, updated_at = :at WHERE case_id = :id AND version < :version")
                .param("id", event.caseId()).param("version", version).param("at", utc(at)).update();
    }

    @EventHandler
    void on(CaseClosedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.caseId(), "CLOSED", event.closingReason().name(), version, at);
    }

    @EventHandler
    void on(CaseReopenedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        status(event.caseId(), "ACTIVE", null, version, at);
    }

    @EventHandler
    void on(CaseTagsSetEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE case_view SET tags = string_to_array(:tags, ','), version = :version, updated_at = :at
                         WHERE case_id = :id AND version < :version""")
                .param("id", event.caseId())
                .param("tags", String.join(",", event.tags()))
                .param("version", version)
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(CaseMemberAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("""
                            INSERT INTO case_member (case_id, username, agency, role, added_at)
                            VALUES (:id, :username, :agency, :role, :at)
                            ON CONFLICT (case_id, username) DO UPDATE SET agency = :agency, role = :role, added_at = :at""")
                    .param("id", event.caseId())
                    .param("username", event.username())
                    .param("agency", event.agency())
                    .param("role", event.role().name())
                    .param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(CaseMemberRemovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("DELETE FROM case_member WHERE case_id = :id AND username = :username")
                    .param("id", event.caseId()).param("username", event.username()).update();
        }
    }

    @EventHandler
    void on(CaseTaskAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("""
                            INSERT INTO case_task (task_id, case_id, title, assignee, due_date, status, created_at, updated_at)
                            VALUES (:taskId, :id, :title, :assignee, :due, 'OPEN', :at, :at)
                            ON CONFLICT (task_id) DO NOTHING""")
                    .param("taskId", event.taskId())
                    .param("id", event.caseId())
                    .param("title", event.title())
                    .param("assignee", event.assignee())
                    .param("due", event.dueDate())
                    .param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(CaseTaskStatusChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("UPDATE case_task SET status = :status, updated_at = :at WHERE task_id = :taskId")
                    .param("taskId", event.taskId()).param("status", event.status().name()).param("at", utc(at)).update();
        }
    }

    @EventHandler
    void on(CaseNoteAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (bump(event.caseId(), version, at)) {
            jdbc.sql("""
                            INSERT INTO case_note (note_id, case_id, text, tlp, author, agency, written_at)
                            VALUES (:noteId, :id, :text, :tlp, :author, :agency, :at)
                            ON CONFLICT (note_id) DO NOTHING""")
                    .param("noteId", event.noteId())
                    .param("id", event.caseId())
                    .param("text", event.text())
                    .param("tlp", event.tlp().label())
                    .param("author", event.author())
                    .param("agency", event.agency())
                    .param("at", utc(at))
                    .update();
        }
    }

    private void status(String caseId, String status, String closingReason, long version, Instant at) {
        jdbc.sql("""
                        UPDATE case_view SET status = :status, closing_reason = :reason, version = :version, updated_at = :at
                         WHERE case_id = :id AND version < :version""")
                .param("id", caseId).param("status", status).param("reason", closingReason)
                .param("version", version).param("at", utc(at))
                .update();
    }

    /** Raises the case's version; false if the view has this version already (a redelivery), so nothing is applied twice. */
    private boolean bump(String caseId, long version, Instant at) {
        return jdbc.sql("UPDATE case_view SET version = :version, updated_at = :at WHERE case_id = :id AND version < :version")
                .param("id", caseId).param("version", version).param("at", utc(at))
                .update() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
