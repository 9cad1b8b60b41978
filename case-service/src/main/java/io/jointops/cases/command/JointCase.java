package io.jointops.cases.command;

import io.jointops.api.cases.ActivateCaseCommand;
import io.jointops.api.cases.AddCaseMemberCommand;
import io.jointops.api.cases.AddCaseNoteCommand;
import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.AddCaseSubjectCommand;
import io.jointops.api.cases.AddCaseTaskCommand;
import io.jointops.api.cases.CaseActivatedEvent;
import io.jointops.api.cases.CaseActor;
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
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseStatus;
import io.jointops.api.cases.CaseSubjectAddedEvent;
import io.jointops.api.cases.CaseSubjectRemovedEvent;
import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.cases.CaseTagsSetEvent;
import io.jointops.api.cases.CaseTaskAddedEvent;
import io.jointops.api.cases.CaseTaskStatus;
import io.jointops.api.cases.CaseTaskStatusChangedEvent;
import io.jointops.api.cases.ChangeCaseTaskStatusCommand;
import io.jointops.api.cases.CloseCaseCommand;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.RecordCaseDossierCommand;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.RemoveCaseMemberCommand;
import io.jointops.api.cases.RemoveCaseSubjectCommand;
import io.jointops.api.cases.ReopenCaseCommand;
import io.jointops.api.cases.SetCaseTagsCommand;
import io.jointops.api.cases.SuspendCaseCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceActor;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.identifiers.ContractIdentifiers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A joint operation led by one agency with partner agencies of other countries.
 * <p>
 * Who may do what (the web layer documents the same):
 * <ul>
 * <li><b>acting on the case</b> (members, tasks, notes, tags, links, cooperation requests of the case): a member of
 *     the case, a {@code supervisor} of a participating agency, or the officer who opened the case;</li>
 * <li><b>managing members</b>: the lead agency's supervisors, the opener, a LEAD_INVESTIGATOR member; a partner
 *     agency's supervisor manages the members of its own agency;</li>
 * <li><b>partners</b>: added by a {@code supervisor} of the lead agency or the case's LEAD_INVESTIGATOR (not by
 *     any other officer of the lead agency, the opener included: a partner sees the whole case);</li>
 * <li><b>lifecycle</b>: activation by a manager of the lead agency; suspend, resume, close and reopen by a
 *     {@code supervisor} of the lead agency.</li>
 * </ul>
 * An agency that does not take part in the case learns nothing: it is refused as NOT_FOUND.
 */
@Aggregate(cache = AggregateCache.BEAN)
class JointCase {

    static final int MAX_TAGS = 20;
    /** The most subjects a case names: each is matched against every other agency's items (deconfliction). */
    static final int MAX_SUBJECTS = 500;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "JointCase";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    @AggregateIdentifier
    private String caseId;
    private String leadAgency;
    private String openedBy;
    private CaseStatus status;
    private final Set<String> partnerAgencies = new HashSet<>();
    private final Set<String> linkedItems = new HashSet<>();
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, CaseTaskStatus> tasks = new HashMap<>();
    private final Set<String> notes = new HashSet<>();
    private final Set<String> subjects = new HashSet<>();
    private List<String> tags = List.of();
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);

    private record Member(String agency, CaseRole role) {
    }

    JointCase() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    JointCase(OpenCaseCommand command) {
        requireAgency("leadAgency", command.leadAgency());
        Set<String> partners = command.partnerAgencies() == null ? Set.of() : command.partnerAgencies();
        for (String partner : partners) {
            requireAgency("partnerAgencies", partner);
            if (partner.equals(command.leadAgency())) {
                throw invalid("partnerAgencies", "must not contain the lead agency " + partner);
            }
        }
        apply(new CaseOpenedEvent(command.caseId(), command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(), command.leadAgency(),
                partners.stream().sorted().toList(), command.tlp(), command.handlingCode()));
    }

    @CommandHandler
    void handle(AddCasePartnerCommand command) {
        CaseActor actor = command.actor();
        String requestingAgency = actor == null ? null : actor.agency();
        if (!leadAgency.equals(requestingAgency)) {
            // a partner knows the case exists but may not widen it; anyone else must not learn that it exists
            throw partnerAgencies.contains(requestingAgency)
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the lead agency " + leadAgency + " adds partners.")
                    : notFound();
        }
        // a new partner sees the whole case: the lead agency's supervisor decides, or the case's lead investigator
        if (!(actor.supervisor() || isLeadInvestigator(actor))) {
            throw forbidden("Only a supervisor of the lead agency " + leadAgency
                    + " or the case's lead investigator adds partners.");
        }
        if (command.expectedVersion() != null && !command.expectedVersion().equals(getVersion())) {
            throw new CommandRejectedException(Reason.STALE_VERSION, null, "The case changed since version "
                    + command.expectedVersion() + "; it is now at version " + getVersion() + ". Read it again.");
        }
        requireOpen();
        requireAgency("agency", command.agency());
        if (command.agency().equals(leadAgency) || partnerAgencies.contains(command.agency())) {
            throw new CommandRejectedException(Reason.CONFLICT, "agency", command.agency() + " already takes part in the case.");
        }
        apply(new CasePartnerAddedEvent(caseId, command.agency()));
        // the case's evidence goes with it: each file's custody records the release
        evidence.shareWith(caseId, command.agency(), actor.username()).forEach(AggregateLifecycle::apply);
    }

    // --- evidence

    /** A file attached by whoever acts on the case (members, the opener, supervisors of its agencies), while open. */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        EvidenceActor actor = command.actor();
        requireActing(new CaseActor(actor.username(), actor.agency(), actor.hasRole("supervisor")));
        requireOpen();
        List<String> audience = new ArrayList<>(partnerAgencies);
        audience.add(leadAgency);
        evidence.add(caseId, command, audience).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RecordLinkedItemCommand command) {
        // links are confirmed by the owning service and may be delivered more than once: record each once
        if (!linkedItems.contains(command.itemType() + ":" + command.itemId())) {
            apply(new CaseItemLinkedEvent(caseId, command.itemType(), command.itemId(), command.title()));
        }
    }

    @CommandHandler
    void handle(UpdateLinkedItemCommand command) {
        // a change of an item this case does not link (yet) is not the case's business
        if (linkedItems.contains(command.itemType() + ":" + command.itemId())) {
            apply(new CaseLinkedItemUpdatedEvent(caseId, command.itemType(), command.itemId(), command.title(),
                    command.status(), command.change()));
        }
    }

    // --- lifecycle

    @CommandHandler
    void handle(ActivateCaseCommand command) {
        CaseActor actor = command.actor();
        requireParticipant(actor);
        if (status == CaseStatus.OPENED) {
            if (!managesLeadAgency(actor)) {
                throw forbidden("Only a supervisor of " + leadAgency + ", the officer who opened the case or its lead investigator activates it.");
            }
        } else if (status == CaseStatus.SUSPENDED) {
            requireLeadSupervisor(actor, "resumes");
        } else {
            throw conflict("A case that is " + status + " cannot be activated.");
        }
        apply(new CaseActivatedEvent(caseId));
    }

    @CommandHandler
    void handle(SuspendCaseCommand command) {
        requireParticipant(command.actor());
        requireLeadSupervisor(command.actor(), "suspends");
        if (status != CaseStatus.ACTIVE && status != CaseStatus.OPENED) {
            throw conflict("A case that is " + status + " cannot be suspended.");
        }
        apply(new CaseSuspendedEvent(caseId, command.reason().strip()));
    }

    @CommandHandler
    void handle(CloseCaseCommand command) {
        requireParticipant(command.actor());
        requireLeadSupervisor(command.actor(), "closes");
        if (status == CaseStatus.CLOSED) {
            throw conflict("The case is already closed.");
        }
        apply(new CaseClosedEvent(caseId, command.closingReason(), command.remarks() == null ? "" : command.remarks().strip()));
    }

    @CommandHandler
    void handle(ReopenCaseCommand command) {
        requireParticipant(command.actor());
        requireLeadSupervisor(command.actor(), "reopens");
        if (status != CaseStatus.CLOSED) {
            throw conflict("Only a closed case can be reopened; this one is " + status + ".");
        }
        apply(new CaseReopenedEvent(caseId, command.reason().strip()));
    }

    @CommandHandler
    void handle(SetCaseTagsCommand command) {
        requireActing(command.actor());
        requireOpen();
        Set<String> tags = command.tags() == null ? Set.of() : command.tags();
        if (tags.size() > MAX_TAGS) {
            throw invalid("tags", "must be at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw invalid("tags", "'" + tag + "' is not a tag: 1 to 40 of a-z, 0-9, '.', '_', '-'");
            }
        }
        List<String> sorted = tags.stream().sorted().toList();
        // replacing the tags with the same ones is no change: a client's retry of a PUT leaves no second event
        if (!sorted.equals(this.tags)) {
            apply(new CaseTagsSetEvent(caseId, sorted));
        }
    }

    // --- members

    @CommandHandler
    void handle(AddCaseMemberCommand command) {
        CaseActor actor = command.actor();
        requireParticipant(actor);
        requireAgency("agency", command.agency());
        if (!USERNAME.matcher(command.username()).matches()) {
            throw invalid("username", "must be a user name of 1 to 100 of A-Z, a-z, 0-9, '.', '_', '@', '-'");
        }
        if (!participates(command.agency())) {
            throw invalid("agency", command.agency() + " does not take part in the case; add it as a partner first.");
        }
        requireManagesMembersOf(actor, command.agency());
        requireOpen();
        if (command.role() == CaseRole.LEAD_INVESTIGATOR && !command.agency().equals(leadAgency)) {
            throw invalid("role", "the lead investigator is an officer of the lead agency " + leadAgency);
        }
        if (members.containsKey(command.username())) {
            throw new CommandRejectedException(Reason.CONFLICT, "username", command.username() + " is already a member of the case.");
        }
        apply(new CaseMemberAddedEvent(caseId, command.username(), command.agency(), command.role()));
    }

    @CommandHandler
    void handle(RemoveCaseMemberCommand command) {
        requireParticipant(command.actor());
        Member member = members.get(command.username());
        if (member == null) {
            throw new CommandRejectedException(Reason.NOT_FOUND, "username", command.username() + " is not a member of the case.");
        }
        requireManagesMembersOf(command.actor(), member.agency());
        requireOpen();
        apply(new CaseMemberRemovedEvent(caseId, command.username(), member.agency()));
    }

    // --- tasks and notes

    @CommandHandler
    void handle(AddCaseTaskCommand command) {
        requireActing(command.actor());
        if (!members.containsKey(command.assignee())) {
            throw invalid("assignee", "must be a member of the case");
        }
        requireOpen();
        if (tasks.containsKey(command.taskId())) {
            throw conflict("Task " + command.taskId() + " exists already.");
        }
        apply(new CaseTaskAddedEvent(caseId, command.taskId(), command.title().strip(), command.assignee(), command.dueDate()));
    }

    @CommandHandler
    void handle(ChangeCaseTaskStatusCommand command) {
        requireActing(command.actor());
        CaseTaskStatus current = tasks.get(command.taskId());
        if (current == null) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No task '" + command.taskId() + "' in this case.");
        }
        requireOpen();
        if (current == command.status()) {
            throw conflict("The task is already " + current + ".");
        }
        apply(new CaseTaskStatusChangedEvent(caseId, command.taskId(), command.status()));
    }

    @CommandHandler
    void handle(AddCaseNoteCommand command) {
        requireActing(command.actor());
        requireOpen();
        if (notes.contains(command.noteId())) {
            throw conflict("Note " + command.noteId() + " exists already.");
        }
        apply(new CaseNoteAddedEvent(caseId, command.noteId(), command.text().strip(), command.tlp(),
                command.actor().username(), command.actor().agency()));
    }

    // --- subjects

    /** A subject's id: the same identifier named twice in a case is one subject. */
    static String subjectIdOf(String caseId, Identifies.Kind kind, String canonical) {
        return UUID.nameUUIDFromBytes(String.join("|", caseId, kind.name(), canonical)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Names a subject, normalised by the one normalisation of identifiers (as watchlist entries are): a value that is
     * no identifier of its kind is refused naming {@code value} (or {@code country}). Whoever acts on the case.
     */
    @CommandHandler
    String handle(AddCaseSubjectCommand command) {
        requireActing(command.actor());
        requireOpen();
        String country = command.country() == null || command.country().isBlank() ? null
                : command.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && command.kind() != Identifies.Kind.PHONE_NUMBER) {
            throw invalid("country", "is given for phone numbers only");
        }
        Identifier identifier;
        try {
            identifier = ContractIdentifiers.of(command.kind(), command.value(), country);
        } catch (InvalidIdentifierException e) {
            throw invalid(e.part() == InvalidIdentifierException.Part.COUNTRY ? "country" : "value", e.getMessage());
        }
        String subjectId = subjectIdOf(caseId, command.kind(), identifier.canonical());
        if (subjects.contains(subjectId)) {
            throw new CommandRejectedException(Reason.CONFLICT, "value",
                    "The case names this " + command.kind() + " already (subject " + subjectId + ").");
        }
        if (subjects.size() >= MAX_SUBJECTS) {
            throw conflict("The case names " + MAX_SUBJECTS + " subjects, its most: remove one first.");
        }
        apply(new CaseSubjectAddedEvent(caseId, subjectId, command.kind(), command.value().strip(),
                identifier.canonical(), country,
                command.label() == null || command.label().isBlank() ? null : command.label().strip(),
                command.actor().agency(), command.actor().username()));
        return subjectId;
    }

    @CommandHandler
    void handle(RemoveCaseSubjectCommand command) {
        requireActing(command.actor());
        if (!subjects.contains(command.subjectId())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null,
                    "No subject '" + command.subjectId() + "' in this case.");
        }
        requireOpen();
        apply(new CaseSubjectRemovedEvent(caseId, command.subjectId()));
    }

    /**
     * A dossier is a reading of the case, so whoever reads it may have one produced: any officer of an agency taking
     * part (an agency outside learns nothing: NOT_FOUND), or a joint auditor; also while the case is closed, when a
     * court is most likely to ask for it.
     */
    @CommandHandler
    void handle(RecordCaseDossierCommand command) {
        if (!command.auditor()) {
            requireParticipant(command.producedBy());
        }
        if (!SHA256.matcher(command.sha256()).matches()) {
            throw invalid("sha256", "must be 64 lower-case hex digits");
        }
        if (command.size() < 1 || command.treeSize() < 1) {
            throw invalid(command.size() < 1 ? "size" : "treeSize", "must be 1 or more");
        }
        apply(new CaseDossierProducedEvent(caseId, command.dossierId(), command.sha256(), command.size(),
                command.treeSize(), command.producedBy().username(), command.producedBy().agency()));
    }

    // --- permissions

    private boolean participates(String agency) {
        return leadAgency.equals(agency) || partnerAgencies.contains(agency);
    }

    /** Anyone outside the case must not learn that it exists. */
    private void requireParticipant(CaseActor actor) {
        if (actor == null || !participates(actor.agency())) {
            throw notFound();
        }
    }

    private boolean isMember(CaseActor actor) {
        Member member = members.get(actor.username());
        return member != null && member.agency().equals(actor.agency());
    }

    private void requireActing(CaseActor actor) {
        requireParticipant(actor);
        if (!(isMember(actor) || actor.supervisor() || Objects.equals(openedBy, actor.username()))) {
            throw forbidden("Only members of the case and supervisors of its agencies act on it.");
        }
    }

    private boolean isLeadInvestigator(CaseActor actor) {
        Member member = members.get(actor.username());
        return member != null && member.agency().equals(leadAgency) && leadAgency.equals(actor.agency())
                && member.role() == CaseRole.LEAD_INVESTIGATOR;
    }

    private boolean managesLeadAgency(CaseActor actor) {
        if (!leadAgency.equals(actor.agency())) {
            return false;
        }
        Member member = members.get(actor.username());
        return actor.supervisor() || Objects.equals(openedBy, actor.username())
                || member != null && member.agency().equals(leadAgency) && member.role() == CaseRole.LEAD_INVESTIGATOR;
    }

    private void requireManagesMembersOf(CaseActor actor, String agency) {
        boolean ownAgencySupervisor = actor.supervisor() && actor.agency().equals(agency);
        if (!(managesLeadAgency(actor) || ownAgencySupervisor)) {
            throw forbidden("Members are managed by the lead agency's supervisors, the case's lead investigator and the "
                    + "officer who opened it; a partner agency's supervisor manages its own agency's members.");
        }
    }

    private void requireLeadSupervisor(CaseActor actor, String verb) {
        if (!(actor.supervisor() && leadAgency.equals(actor.agency()))) {
            throw forbidden("Only a supervisor of the lead agency " + leadAgency + " " + verb + " the case.");
        }
    }

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw conflict("The case is closed; reopen it first.");
        }
    }

    private CommandRejectedException notFound() {
        return new CommandRejectedException(Reason.NOT_FOUND, null, "No case '" + caseId + "' is visible to you.");
    }

    private static CommandRejectedException forbidden(String detail) {
        return new CommandRejectedException(Reason.FORBIDDEN, null, detail);
    }

    private static CommandRejectedException conflict(String detail) {
        return new CommandRejectedException(Reason.CONFLICT, null, detail);
    }

    // --- state

    @EventSourcingHandler
    void on(CaseOpenedEvent event, @MetaDataValue("actor") String actor) {
        caseId = event.caseId();
        leadAgency = event.leadAgency();
        openedBy = actor;
        status = CaseStatus.OPENED;
        partnerAgencies.addAll(event.partnerAgencies());
    }

    @EventSourcingHandler
    void on(CasePartnerAddedEvent event) {
        partnerAgencies.add(event.agency());
    }

    @EventSourcingHandler
    void on(EvidenceFileAddedEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceFileSupersededEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(CaseItemLinkedEvent event) {
        linkedItems.add(event.itemType() + ":" + event.itemId());
    }

    @EventSourcingHandler
    void on(CaseActivatedEvent event) {
        status = CaseStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CaseSuspendedEvent event) {
        status = CaseStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(CaseClosedEvent event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent event) {
        status = CaseStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CaseMemberAddedEvent event) {
        members.put(event.username(), new Member(event.agency(), event.role()));
    }

    @EventSourcingHandler
    void on(CaseMemberRemovedEvent event) {
        members.remove(event.username());
    }

    @EventSourcingHandler
    void on(CaseTaskAddedEvent event) {
        tasks.put(event.taskId(), CaseTaskStatus.OPEN);
    }

    @EventSourcingHandler
    void on(CaseTaskStatusChangedEvent event) {
        tasks.put(event.taskId(), event.status());
    }

    @EventSourcingHandler
    void on(CaseNoteAddedEvent event) {
        notes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(CaseSubjectAddedEvent event) {
        subjects.add(event.subjectId());
    }

    @EventSourcingHandler
    void on(CaseSubjectRemovedEvent event) {
        subjects.remove(event.subjectId());
    }

    @EventSourcingHandler
    void on(CaseTagsSetEvent event) {
        tags = event.tags() == null ? List.of() : event.tags();
    }
}
