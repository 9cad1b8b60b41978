package io.jointops.intel.command;

import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.intel.ApproveIntelReportCommand;
import io.jointops.api.intel.DecideOnwardDisseminationCommand;
import io.jointops.api.intel.DraftIntelReportCommand;
import io.jointops.api.intel.GiveIntelReportFeedbackCommand;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportApprovedEvent;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportDraftRevisedEvent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportRegradedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportReturnedEvent;
import io.jointops.api.intel.IntelReportStatus;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.IntelReportSubmittedForReleaseEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.OnwardDisseminationConsentedEvent;
import io.jointops.api.intel.OnwardDisseminationRefusedEvent;
import io.jointops.api.intel.OnwardDisseminationRequestedEvent;
import io.jointops.api.intel.RegradeIntelReportCommand;
import io.jointops.api.intel.RequestOnwardDisseminationCommand;
import io.jointops.api.intel.ReturnIntelReportCommand;
import io.jointops.api.intel.ReviseIntelReportDraftCommand;
import io.jointops.api.intel.SubmitIntelReportForReleaseCommand;
import io.jointops.api.intel.WidenIntelReportReleaseCommand;
import io.jointops.api.intel.WithdrawIntelReportCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A graded intelligence report owned by one agency and released to others.
 * <p>
 * Workflow: draft → submitted for release → approved by a supervisor of the owner agency (which disseminates it) or
 * returned with comments → (revised) → ...; a disseminated report may be withdrawn. Partners see it only from its
 * dissemination on. Releasability is enforced here, not merely labelled:
 * <ul>
 * <li>Only the owner widens the release of a disseminated report (any TLP: naming recipients is the owner's call),
 *     and only through a {@code supervisor} of the owner agency who neither drafted nor revised the report: every
 *     widening of the audience is a release, under the same four-eyes principle as the first one.</li>
 * <li>Onward dissemination (a recipient asks to pass the report on to a third agency) always needs the owner's
 *     logged consent on this platform, whatever the handling code: the release list is the owner's alone, and for
 *     {@code H2} SIENA requires it anyway. The third agency sees the report only once the owner consents. Consent,
 *     which widens the release, is given by such a supervisor too; a refusal by anyone of the owner agency.</li>
 * <li>{@code TLP:RED} (named recipients only) and {@code TLP:AMBER+STRICT} (recipient organisation only) forbid
 *     passing the report on: onward requests are refused outright; only the owner can name further recipients.</li>
 * </ul>
 */
@Aggregate(cache = AggregateCache.BEAN)
class IntelReport {

    static final int MAX_ENTITIES = 500;
    /** The realm role that releases reports. */
    static final String SUPERVISOR = "supervisor";
    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "IntelReport";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    @AggregateIdentifier
    private String reportId;
    private String title;
    private String ownerAgency;
    private IntelReportStatus status;
    private Tlp tlp;
    private List<IntelEntity> entities = List.of();
    private final Set<String> releasedTo = new TreeSet<>();
    private final Set<String> linkedCases = new HashSet<>();
    /** requestId to the request, while it waits for the owner's decision */
    private final Map<String, OnwardDisseminationRequestedEvent> pendingRequests = new HashMap<>();
    private final Set<String> decidedRequests = new HashSet<>();
    /** user ids of whoever drafted or revised the report, from the events' audit metadata: they may not approve it */
    private final Set<String> authors = new HashSet<>();
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);

    IntelReport() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    IntelReport(DraftIntelReportCommand command) {
        requireAgency("ownerAgency", command.ownerAgency());
        apply(new IntelReportDraftedEvent(command.reportId(), command.ownerAgency(),
                ReportContents.checked(command.content(), command.ownerAgency())));
    }

    @CommandHandler
    void handle(ReviseIntelReportDraftCommand command) {
        requireOwner(command.agency(), "revises the report");
        requireStatus("revised", IntelReportStatus.DRAFT, IntelReportStatus.RETURNED);
        apply(new IntelReportDraftRevisedEvent(reportId, ReportContents.checked(command.content(), ownerAgency)));
    }

    @CommandHandler
    void handle(SubmitIntelReportForReleaseCommand command) {
        requireOwner(command.agency(), "submits the report for release");
        requireStatus("submitted for release", IntelReportStatus.DRAFT, IntelReportStatus.RETURNED);
        apply(new IntelReportSubmittedForReleaseEvent(reportId));
    }

    @CommandHandler
    void handle(ApproveIntelReportCommand command) {
        requireOwner(command.agency(), "approves the report");
        requireStatus("approved", IntelReportStatus.SUBMITTED_FOR_RELEASE);
        if (authors.contains(command.supervisorId())) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "You drafted or revised this report yourself: "
                    + "another supervisor of " + ownerAgency + " approves its release (four-eyes principle).");
        }
        apply(new IntelReportApprovedEvent(reportId));
        apply(new IntelReportDisseminatedEvent(reportId, title, ownerAgency, Set.copyOf(releasedTo), entities));
        releasedTo.forEach(this::shareEvidence);
    }

    @CommandHandler
    void handle(ReturnIntelReportCommand command) {
        requireOwner(command.agency(), "returns the report");
        requireStatus("returned", IntelReportStatus.SUBMITTED_FOR_RELEASE);
        apply(new IntelReportReturnedEvent(reportId, command.comments().strip()));
    }

    @CommandHandler
    void handle(RegradeIntelReportCommand command) {
        requireOwner(command.agency(), "regrades the report");
        if (status == IntelReportStatus.WITHDRAWN) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "The report is withdrawn: it is no longer graded.");
        }
        ReportContents.requireCredibility(command.informationCredibility());
        apply(new IntelReportRegradedEvent(reportId, command.sourceReliability(), command.informationCredibility(),
                command.reason().strip()));
    }

    @CommandHandler
    void handle(WidenIntelReportReleaseCommand command, @MetaDataValue(AuditMetadata.ACTOR_ID) String actorId,
                @MetaDataValue(AuditMetadata.ROLES) String roles) {
        requireOwner(command.agency(), "widens the release");
        requireStatus("released further", IntelReportStatus.DISSEMINATED);
        requireReleasingSupervisor(actorId, roles, "widens the release");
        Set<String> added = new TreeSet<>();
        for (String agency : command.addedAgencies() == null ? Set.<String>of() : command.addedAgencies()) {
            requireAgency("agencies", agency);
            if (agency.equals(ownerAgency)) {
                throw invalid("agencies", "must not contain the owner agency " + agency);
            }
            if (!releasedTo.contains(agency)) {
                added.add(agency);
            }
        }
        if (command.addedAgencies() == null || command.addedAgencies().isEmpty()) {
            throw invalid("agencies", "must name at least one agency");
        }
        // releasing to an agency that already sees the report changes nothing: no event
        if (!added.isEmpty()) {
            apply(new IntelReportReleaseWidenedEvent(reportId, added));
            if (status == IntelReportStatus.DISSEMINATED) {
                added.forEach(this::shareEvidence);
            }
        }
    }

    @CommandHandler
    void handle(RequestOnwardDisseminationCommand command) {
        requireVisible(command.requestingAgency());
        if (command.requestingAgency().equals(ownerAgency)) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "The owner widens the release itself; onward dissemination is asked for by the agencies it released the report to.");
        }
        requireStatus("passed on", IntelReportStatus.DISSEMINATED);
        if (tlp == Tlp.RED || tlp == Tlp.AMBER_STRICT) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The report is " + tlp.label()
                    + ": it may not be passed on; only the owner " + ownerAgency + " names further recipients.");
        }
        requireAgency("toAgency", command.toAgency());
        if (command.toAgency().equals(ownerAgency) || releasedTo.contains(command.toAgency())) {
            throw invalid("toAgency", command.toAgency() + " already sees the report");
        }
        if (pendingRequests.containsKey(command.requestId()) || decidedRequests.contains(command.requestId())) {
            throw new CommandRejectedException(Reason.CONFLICT, "requestId", "A request with this id exists.");
        }
        boolean alreadyAsked = pendingRequests.values().stream()
                .anyMatch(pending -> pending.toAgency().equals(command.toAgency()));
        if (alreadyAsked) {
            throw new CommandRejectedException(Reason.CONFLICT, "toAgency",
                    "The owner has yet to decide on passing the report on to " + command.toAgency() + ".");
        }
        apply(new OnwardDisseminationRequestedEvent(reportId, command.requestId(), command.requestingAgency(),
                command.toAgency(), command.justification().strip()));
    }

    @CommandHandler
    void handle(DecideOnwardDisseminationCommand command, @MetaDataValue(AuditMetadata.ACTOR_ID) String actorId,
                @MetaDataValue(AuditMetadata.ROLES) String roles) {
        requireOwner(command.agency(), "decides on onward dissemination");
        OnwardDisseminationRequestedEvent request = pendingRequests.get(command.requestId());
        if (request == null) {
            if (decidedRequests.contains(command.requestId())) {
                throw new CommandRejectedException(Reason.CONFLICT, null, "This request is already decided.");
            }
            throw new CommandRejectedException(Reason.NOT_FOUND, null,
                    "No onward dissemination request '" + command.requestId() + "' for this report.");
        }
        String comment = command.comment() == null ? "" : command.comment().strip();
        if (!command.consent()) {
            apply(new OnwardDisseminationRefusedEvent(reportId, request.requestId(), request.requestingAgency(),
                    request.toAgency(), comment));
            return;
        }
        requireStatus("passed on", IntelReportStatus.DISSEMINATED);
        requireReleasingSupervisor(actorId, roles, "consents to onward dissemination");
        apply(new OnwardDisseminationConsentedEvent(reportId, request.requestId(), request.requestingAgency(),
                request.toAgency(), comment));
        // consumers follow the audience from this one event, whatever the reason of the widening
        if (!releasedTo.contains(request.toAgency())) {
            apply(new IntelReportReleaseWidenedEvent(reportId, Set.of(request.toAgency())));
            shareEvidence(request.toAgency());
        }
    }

    @CommandHandler
    void handle(GiveIntelReportFeedbackCommand command) {
        requireVisible(command.agency());
        if (command.agency().equals(ownerAgency)) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "Feedback comes from the agencies the report was released to, not from its owner.");
        }
        requireStatus("given feedback", IntelReportStatus.DISSEMINATED);
        String comment = command.comment() == null ? "" : command.comment().strip();
        apply(new IntelReportFeedbackGivenEvent(reportId, command.agency(), command.kind(), comment));
    }

    @CommandHandler
    void handle(WithdrawIntelReportCommand command) {
        requireOwner(command.agency(), "withdraws the report");
        requireStatus("withdrawn", IntelReportStatus.DISSEMINATED);
        apply(new IntelReportWithdrawnEvent(reportId, command.reason().strip()));
    }

    @CommandHandler
    void handle(LinkIntelReportToCaseCommand command) {
        requireVisible(command.requestingAgency());
        if (status != IntelReportStatus.DISSEMINATED) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "The report is " + status
                    + ": only an approved, disseminated report is linked to a case.");
        }
        Set<String> caseAgencies = command.caseAgencies() == null ? Set.of() : command.caseAgencies();
        Set<String> denied = new TreeSet<>();
        for (String agency : caseAgencies) {
            if (!maySee(agency)) {
                denied.add(agency);
            }
        }
        if (!denied.isEmpty()) {
            // the requester may see the report, so naming who else may not tells it nothing new
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The report is not released to "
                    + String.join(", ", denied) + "; only the owner " + ownerAgency
                    + " can release it before it is linked to this case.");
        }
        // the case-service may send the same link again (retries, redelivery): record each case once
        if (!linkedCases.contains(command.caseId())) {
            apply(new IntelReportLinkedToCaseEvent(reportId, command.caseId(), title, status.name()));
        }
    }

    /** Reports submitted before the release workflow existed were shared the moment they were submitted. */
    @EventSourcingHandler
    void on(EvidenceFileAddedEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceFileSupersededEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(IntelReportSubmittedEvent event) {
        reportId = event.reportId();
        title = event.title();
        ownerAgency = event.ownerAgency();
        tlp = event.tlp();
        status = IntelReportStatus.DISSEMINATED;
        releasedTo.addAll(event.releasedTo());
    }

    @EventSourcingHandler
    void on(IntelReportDraftedEvent event, @MetaDataValue(AuditMetadata.ACTOR_ID) String author) {
        reportId = event.reportId();
        ownerAgency = event.ownerAgency();
        status = IntelReportStatus.DRAFT;
        take(event.content());
        addAuthor(author);
    }

    @EventSourcingHandler
    void on(IntelReportDraftRevisedEvent event, @MetaDataValue(AuditMetadata.ACTOR_ID) String author) {
        status = IntelReportStatus.DRAFT;
        take(event.content());
        addAuthor(author);
    }

    private void addAuthor(String author) {
        if (author != null) {
            authors.add(author);
        }
    }

    @EventSourcingHandler
    void on(IntelReportSubmittedForReleaseEvent event) {
        status = IntelReportStatus.SUBMITTED_FOR_RELEASE;
    }

    @EventSourcingHandler
    void on(IntelReportReturnedEvent event) {
        status = IntelReportStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(IntelReportDisseminatedEvent event) {
        status = IntelReportStatus.DISSEMINATED;
    }

    @EventSourcingHandler
    void on(IntelReportReleaseWidenedEvent event) {
        releasedTo.addAll(event.addedAgencies());
    }

    @EventSourcingHandler
    void on(OnwardDisseminationRequestedEvent event) {
        pendingRequests.put(event.requestId(), event);
    }

    @EventSourcingHandler
    void on(OnwardDisseminationConsentedEvent event) {
        pendingRequests.remove(event.requestId());
        decidedRequests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(OnwardDisseminationRefusedEvent event) {
        pendingRequests.remove(event.requestId());
        decidedRequests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(IntelReportWithdrawnEvent event) {
        status = IntelReportStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(IntelReportLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }

    private void take(IntelReportContent content) {
        title = content.title();
        tlp = content.tlp();
        entities = List.copyOf(new ArrayList<>(content.entities()));
        releasedTo.clear();
        releasedTo.addAll(content.releasedTo());
    }

    private boolean maySee(String agency) {
        return ownerAgency.equals(agency) || (releasedTo.contains(agency)
                && (status == IntelReportStatus.DISSEMINATED || status == IntelReportStatus.WITHDRAWN));
    }

    /**
     * A file of the report, attached by its owner agency (any officer, like a draft), shown with the report: to the
     * owner, and to the agencies it is released to once disseminated.
     */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        requireOwner(command.actor() == null ? null : command.actor().agency(), "adds evidence files");
        List<String> audience = new ArrayList<>(List.of(ownerAgency));
        releasedTo.stream().filter(this::maySee).forEach(audience::add);
        evidence.add(reportId, command, audience).forEach(AggregateLifecycle::apply);
    }

    /** The report's files go where the report goes: each file's custody records the release. */
    private void shareEvidence(String agency) {
        evidence.shareWith(reportId, agency, null).forEach(AggregateLifecycle::apply);
    }

    /** A denied read looks the same as a missing report. */
    private void requireVisible(String agency) {
        if (agency == null || !maySee(agency)) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No item with id '" + reportId + "' is visible to you.");
        }
    }

    private void requireOwner(String agency, String what) {
        requireVisible(agency);
        if (!ownerAgency.equals(agency)) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "Only the owner agency " + ownerAgency + " " + what + ".");
        }
    }

    /**
     * Four-eyes for every release after the first: the acting user (the command's audit metadata, from the token) is a
     * {@code supervisor} and neither drafted nor revised the report. The owner agency is checked before.
     */
    private void requireReleasingSupervisor(String actorId, String roles, String what) {
        boolean supervisor = roles != null && Arrays.asList(roles.split(",")).contains(SUPERVISOR);
        if (actorId == null || actorId.isBlank() || !supervisor) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "Only a supervisor of " + ownerAgency
                    + " who did not write the report " + what + " (four-eyes principle).");
        }
        if (authors.contains(actorId)) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "You drafted or revised this report yourself: "
                    + "another supervisor of " + ownerAgency + " " + what + " (four-eyes principle).");
        }
    }

    private void requireStatus(String what, IntelReportStatus... allowed) {
        for (IntelReportStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new CommandRejectedException(Reason.CONFLICT, null, "The report is " + status + ": it cannot be " + what + " now.");
    }
}
