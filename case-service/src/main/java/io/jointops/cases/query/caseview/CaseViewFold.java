package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseActivatedEvent;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseDossierProducedEvent;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseMemberRemovedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.CaseReopenedEvent;
import io.jointops.api.cases.CaseSubjectAddedEvent;
import io.jointops.api.cases.CaseSubjectRemovedEvent;
import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.cases.CaseTagsSetEvent;
import io.jointops.api.cases.CaseTaskAddedEvent;
import io.jointops.api.cases.CaseTaskStatusChangedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case's view from its events alone: {@link CaseViewProjector} applies one event at a time to the stored record,
 * and {@code ?asOf=} folds the events up to an instant, with the same function. Pure: no table is read.
 */
public final class CaseViewFold {

    /** The events of the case aggregate; each one the view takes (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            CaseOpenedEvent.class,
            CasePartnerAddedEvent.class,
            CaseItemLinkedEvent.class,
            CaseLinkedItemUpdatedEvent.class,
            CaseActivatedEvent.class,
            CaseSuspendedEvent.class,
            CaseClosedEvent.class,
            CaseReopenedEvent.class,
            CaseTagsSetEvent.class,
            CaseMemberAddedEvent.class,
            CaseMemberRemovedEvent.class,
            CaseTaskAddedEvent.class,
            CaseTaskStatusChangedEvent.class,
            CaseNoteAddedEvent.class,
            CaseSubjectAddedEvent.class,
            CaseSubjectRemovedEvent.class,
            CaseDossierProducedEvent.class);

    private CaseViewFold() {
    }

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The case after {@code events} (one case's, in stream order); empty if they do not open a case. */
    static Optional<CaseView> fold(List<? extends DomainEventMessage<?>> events) {
        CaseViewRecord record = null;
        for (DomainEventMessage<?> event : events) {
            record = apply(record, event);
        }
        return Optional.ofNullable(record).map(CaseViewRecord::view);
    }

    /** The record after {@code message}; {@code record} is null before the case is opened. */
    static CaseViewRecord apply(CaseViewRecord record, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof CaseOpenedEvent opened) {
            return new CaseViewRecord(new CaseView(opened.caseId(), opened.title(), opened.summary(),
                    opened.leadAgency(), opened.partnerAgencies().stream().sorted().toList(), opened.tlp().label(),
                    opened.handlingCode().name(), "OPENED", null, List.of(), version, at,
                    AuditMetadata.actor(message.getMetaData()), at, List.of(), List.of(), List.of()), List.of(), List.of());
        }
        if (record == null) {
            return null;
        }
        Builder next = new Builder(record, version, at);
        if (payload instanceof CasePartnerAddedEvent added) {
            next.partners.add(added.agency());
            next.partners.sort(Comparator.naturalOrder());
        } else if (payload instanceof CaseItemLinkedEvent linked) {
            boolean known = next.items.stream().anyMatch(item ->
                    item.type().equals(linked.itemType().name()) && item.id().equals(linked.itemId()));
            if (!known) {
                // the owning service confirmed the link for the case's agencies as they were: a partner added later
                // is not among them
                List<String> audience = new ArrayList<>(next.partners);
                audience.add(record.view().leadAgency());
                audience.sort(Comparator.naturalOrder());
                next.items.add(new CaseView.LinkedItem(linked.itemType().name(), linked.itemId(), linked.title(), null,
                        at, at, List.copyOf(audience)));
                next.items.sort(Comparator.comparing(CaseView.LinkedItem::linkedAt).thenComparing(CaseView.LinkedItem::id));
            }
        } else if (payload instanceof CaseLinkedItemUpdatedEvent updated) {
            next.items.replaceAll(item -> item.type().equals(updated.itemType().name()) && item.id().equals(updated.itemId())
                    ? new CaseView.LinkedItem(item.type(), item.id(),
                    updated.title() == null ? item.title() : updated.title(),
                    updated.status() == null ? item.status() : updated.status(), item.linkedAt(), at, item.visibleTo())
                    : item);
        } else if (payload instanceof CaseActivatedEvent || payload instanceof CaseReopenedEvent) {
            next.status = "ACTIVE";
            next.closingReason = null;
        } else if (payload instanceof CaseSuspendedEvent) {
            next.status = "SUSPENDED";
        } else if (payload instanceof CaseClosedEvent closed) {
            next.status = "CLOSED";
            next.closingReason = closed.closingReason().name();
        } else if (payload instanceof CaseTagsSetEvent tagged) {
            next.tags = tagged.tags().stream().sorted().toList();
        } else if (payload instanceof CaseMemberAddedEvent member) {
            next.members.removeIf(m -> m.username().equals(member.username()));
            next.members.add(new CaseView.Member(member.username(), member.agency(), member.role().name(), at));
            next.members.sort(CaseViews.MEMBER_ORDER);
        } else if (payload instanceof CaseMemberRemovedEvent removed) {
            next.members.removeIf(m -> m.username().equals(removed.username()));
        } else if (payload instanceof CaseTaskAddedEvent task) {
            if (next.tasks.stream().noneMatch(t -> t.taskId().equals(task.taskId()))) {
                next.tasks.add(new CaseViewRecord.Task(task.taskId(), task.title(), task.assignee(), task.dueDate(),
                        "OPEN", at, at));
            }
        } else if (payload instanceof CaseTaskStatusChangedEvent changed) {
            next.tasks.replaceAll(t -> t.taskId().equals(changed.taskId())
                    ? new CaseViewRecord.Task(t.taskId(), t.title(), t.assignee(), t.dueDate(), changed.status().name(),
                    t.createdAt(), at)
                    : t);
        } else if (payload instanceof CaseSubjectAddedEvent subject) {
            if (next.subjects.stream().noneMatch(s -> s.id().equals(subject.subjectId()))) {
                next.subjects.add(new CaseView.Subject(subject.subjectId(), subject.kind().name(), subject.value(),
                        subject.canonical(), subject.country(), subject.label(), subject.agency(), subject.addedBy(),
                        at));
            }
        } else if (payload instanceof CaseSubjectRemovedEvent removed) {
            next.subjects.removeIf(s -> s.id().equals(removed.subjectId()));
        } else if (payload instanceof CaseNoteAddedEvent note) {
            if (next.notes.stream().noneMatch(n -> n.noteId().equals(note.noteId()))) {
                next.notes.add(new CaseViewRecord.Note(note.noteId(), note.text(), note.tlp().label(), note.author(),
                        note.agency(), at));
            }
        }
        // any event of the case is a version of it, whether or not it changed what the view shows
        return next.build(record.view());
    }

    /** The changeable parts of a view, copied. */
    private static final class Builder {
        final List<String> partners;
        final List<CaseView.LinkedItem> items;
        final List<CaseView.Member> members;
        final List<CaseViewRecord.Task> tasks;
        final List<CaseViewRecord.Note> notes;
        final List<CaseView.Subject> subjects;
        String status;
        String closingReason;
        List<String> tags;
        final long version;
        final Instant at;

        Builder(CaseViewRecord record, long version, Instant at) {
            CaseView view = record.view();
            partners = new ArrayList<>(view.partnerAgencies());
            items = new ArrayList<>(view.linkedItems());
            members = new ArrayList<>(view.members());
            tasks = new ArrayList<>(record.tasks());
            notes = new ArrayList<>(record.notes());
            subjects = new ArrayList<>(view.subjects());
            status = view.status();
            closingReason = view.closingReason();
            tags = view.tags();
            this.version = version;
            this.at = at;
        }

        CaseViewRecord build(CaseView view) {
            return new CaseViewRecord(new CaseView(view.id(), view.title(), view.summary(), view.leadAgency(),
                    List.copyOf(partners), view.tlp(), view.handlingCode(), status, closingReason, tags, version,
                    view.openedAt(), view.openedBy(), at, List.copyOf(members), List.copyOf(items),
                    List.copyOf(subjects)),
                    List.copyOf(tasks), List.copyOf(notes));
        }
    }
}
