package io.jointops.cases.command;

import io.jointops.api.cases.AcknowledgeCooperationRequestCommand;
import io.jointops.api.cases.AnswerCooperationRequestCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CooperationRequestAcknowledgedEvent;
import io.jointops.api.cases.CooperationRequestAnsweredEvent;
import io.jointops.api.cases.CooperationRequestDeclinedEvent;
import io.jointops.api.cases.CooperationRequestEscalatedEvent;
import io.jointops.api.cases.CooperationRequestOverdueEvent;
import io.jointops.api.cases.CooperationRequestReminderIssuedEvent;
import io.jointops.api.cases.CooperationRequestSentEvent;
import io.jointops.api.cases.CooperationRequestStatus;
import io.jointops.api.cases.CooperationRequestWithdrawnEvent;
import io.jointops.api.cases.DeclineCooperationRequestCommand;
import io.jointops.api.cases.SendCooperationRequestCommand;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.api.cases.WithdrawCooperationRequestCommand;
import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request from one agency to another, under a legal clock: the receiving agency is reminded before the response
 * deadline, the request turns overdue when the deadline passes without a full answer, and is then escalated to the
 * receiving agency's supervisors. The three deadlines live in the persistent deadline manager (db-scheduler), so
 * they fire after a restart; a full answer, a refusal or a withdrawal cancels them.
 * <p>
 * The sending agency withdraws; the receiving agency acknowledges, answers and declines; anyone else is told the
 * request does not exist. Acknowledging and partial answers do not stop the clock.
 * <p>
 * Evidence files travel with the request: the requesting agency's with the request, the receiving agency's with its
 * answer, each added by an officer of that agency while the request is open. Both agencies see all of them, exactly
 * as they see the request.
 */
@Aggregate(cache = AggregateCache.BEAN)
class CooperationRequest {

    static final String REMINDER = "cooperation-request-reminder";
    static final String OVERDUE = "cooperation-request-overdue";
    static final String ESCALATION = "cooperation-request-escalation";
    static final int MAX_ATTACHMENTS = 50;
    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "CooperationRequest";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    @AggregateIdentifier
    private String requestId;
    private String requestingAgency;
    private String receivingAgency;
    private Instant responseDue;
    private CooperationRequestStatus status;
    private boolean overdue;
    private boolean escalated;
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);

    CooperationRequest() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    CooperationRequest(SendCooperationRequestCommand command, DeadlineManager deadlines, CaseLinkedItems cases) {
        CaseActor actor = command.actor();
        requireAgency("receivingAgency", command.receivingAgency());
        if (command.receivingAgency().equals(actor.agency())) {
            throw invalid("receivingAgency", "must be another agency than your own");
        }
        List<SharedItemRef> attachments = attachments("attachments", command.attachments());
        requireVisibleToReceiver(attachments, command.caseId(), command.receivingAgency(), cases);
        if (command.responseDue() == null || command.escalateAt() == null || command.escalateAt().isBefore(command.responseDue())
                || command.remindAt() != null && command.remindAt().isAfter(command.responseDue())) {
            throw invalid("responseDue", "the reminder must fall before the response deadline, the escalation after it");
        }
        apply(new CooperationRequestSentEvent(command.requestId(), command.caseId(), actor.agency(),
                command.receivingAgency(), command.type(), command.legalBasis(), command.priority(),
                command.question().strip(), attachments, command.responseDue(), command.remindAt(), command.escalateAt(),
                actor.username()));
        if (command.remindAt() != null) {
            deadlines.schedule(command.remindAt(), REMINDER);
        }
        deadlines.schedule(command.responseDue(), OVERDUE);
        deadlines.schedule(command.escalateAt(), ESCALATION);
    }

    @CommandHandler
    void handle(AcknowledgeCooperationRequestCommand command) {
        requireReceiver(command.actor());
        if (status != CooperationRequestStatus.SENT) {
            throw conflict("The request is " + status + "; only a SENT request is acknowledged.");
        }
        apply(new CooperationRequestAcknowledgedEvent(requestId, command.actor().username(), command.actor().agency()));
    }

    @CommandHandler
    void handle(AnswerCooperationRequestCommand command, DeadlineManager deadlines) {
        requireReceiver(command.actor());
        List<SharedItemRef> attachments = attachments("attachments", command.attachments());
        requireAnswerable();
        apply(new CooperationRequestAnsweredEvent(requestId, command.answer().strip(), command.complete(), attachments,
                command.actor().username(), command.actor().agency()));
        if (command.complete()) {
            stopTheClock(deadlines);
        }
    }

    @CommandHandler
    void handle(DeclineCooperationRequestCommand command, DeadlineManager deadlines) {
        requireReceiver(command.actor());
        requireAnswerable();
        apply(new CooperationRequestDeclinedEvent(requestId, command.reason().strip(), command.actor().username(),
                command.actor().agency()));
        stopTheClock(deadlines);
    }

    @CommandHandler
    void handle(WithdrawCooperationRequestCommand command, DeadlineManager deadlines) {
        CaseActor actor = command.actor();
        if (actor == null || !requestingAgency.equals(actor.agency())) {
            throw receivingAgency.equals(actor == null ? null : actor.agency())
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the requesting agency " + requestingAgency + " withdraws the request.")
                    : notFound();
        }
        requireAnswerable();
        apply(new CooperationRequestWithdrawnEvent(requestId, command.reason().strip(), actor.username(), actor.agency()));
        stopTheClock(deadlines);
    }

    /** A file of the request (from the requesting agency) or of its answer (from the receiving agency). */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        String agency = command.actor() == null ? null : command.actor().agency();
        if (!requestingAgency.equals(agency) && !receivingAgency.equals(agency)) {
            throw notFound();
        }
        requireAnswerable();
        evidence.add(requestId, command, List.of(requestingAgency, receivingAgency))
                .forEach(AggregateLifecycle::apply);
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind() {
        if (!closed() && !overdue) {
            apply(new CooperationRequestReminderIssuedEvent(requestId, receivingAgency, responseDue));
        }
    }

    @DeadlineHandler(deadlineName = OVERDUE)
    void overdue() {
        if (!closed() && !overdue) {
            apply(new CooperationRequestOverdueEvent(requestId, receivingAgency, responseDue));
        }
    }

    @DeadlineHandler(deadlineName = ESCALATION)
    void escalate() {
        if (!closed() && !escalated) {
            // after downtime both deadlines are due at once and may fire in either order: overdue comes first
            overdue();
            apply(new CooperationRequestEscalatedEvent(requestId, receivingAgency, "supervisor", responseDue));
        }
    }

    private void stopTheClock(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(REMINDER);
        deadlines.cancelAllWithinScope(OVERDUE);
        deadlines.cancelAllWithinScope(ESCALATION);
    }

    private boolean closed() {
        return status == CooperationRequestStatus.ANSWERED || status == CooperationRequestStatus.DECLINED
                || status == CooperationRequestStatus.WITHDRAWN;
    }

    private void requireAnswerable() {
        if (closed()) {
            throw conflict("The request is " + status + " already.");
        }
    }

    private void requireReceiver(CaseActor actor) {
        if (actor == null || !receivingAgency.equals(actor.agency())) {
            throw requestingAgency.equals(actor == null ? null : actor.agency())
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the receiving agency " + receivingAgency + " does this.")
                    : notFound();
        }
    }

    private static List<SharedItemRef> attachments(String field, List<SharedItemRef> given) {
        List<SharedItemRef> attachments = given == null ? List.of() : List.copyOf(given);
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw invalid(field, "must be at most " + MAX_ATTACHMENTS + " items");
        }
        for (SharedItemRef item : attachments) {
            if (item == null || item.itemType() == null || item.itemId() == null || item.itemId().isBlank()) {
                throw invalid(field, "each attachment names an itemType and an itemId");
            }
        }
        return attachments;
    }

    /**
     * The receiving agency may see an attachment only if it is an item linked to the request's case and the receiver
     * took part in the case when it was linked: the owning service confirmed, when linking, that every agency the case
     * had then may see it.
     * Of any other item case-service knows nothing, so it is refused rather than guessed visible.
     */
    private static void requireVisibleToReceiver(List<SharedItemRef> attachments, String caseId, String receivingAgency,
                                                 CaseLinkedItems cases) {
        if (attachments.isEmpty()) {
            return;
        }
        CaseLinkedItems.CaseItems items = caseId == null ? null : cases.of(caseId).orElse(null);
        for (int i = 0; i < attachments.size(); i++) {
            SharedItemRef item = attachments.get(i);
            String field = "attachments[" + i + "]";
            String named = item.itemType() + " '" + item.itemId() + "'";
            if (caseId == null) {
                throw invalid(field, named + " cannot be attached: only items linked to the request's case may be "
                        + "attached, and this request belongs to no case");
            }
            if (items == null) {
                throw invalid(field, named + " cannot be attached: case '" + caseId + "' is not known");
            }
            if (!items.agencies().contains(receivingAgency)) {
                throw invalid(field, named + " cannot be attached: " + receivingAgency + " does not take part in case '"
                        + caseId + "'");
            }
            if (!items.isLinked(item)) {
                throw invalid(field, named + " is not linked to case '" + caseId + "'; link it first, so that its "
                        + "owning service confirms every agency of the case may see it");
            }
            if (!items.visibleTo(item, receivingAgency)) {
                throw invalid(field, named + " cannot be attached: it was linked to case '" + caseId + "' before "
                        + receivingAgency + " took part, and its owner has not released it to " + receivingAgency);
            }
        }
    }

    private CommandRejectedException notFound() {
        return new CommandRejectedException(Reason.NOT_FOUND, null, "No cooperation request '" + requestId + "' is visible to you.");
    }

    private static CommandRejectedException conflict(String detail) {
        return new CommandRejectedException(Reason.CONFLICT, null, detail);
    }

    @EventSourcingHandler
    void on(CooperationRequestSentEvent event) {
        requestId = event.requestId();
        requestingAgency = event.requestingAgency();
        receivingAgency = event.receivingAgency();
        responseDue = event.responseDue();
        status = CooperationRequestStatus.SENT;
    }

    @EventSourcingHandler
    void on(CooperationRequestAcknowledgedEvent event) {
        status = CooperationRequestStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(CooperationRequestAnsweredEvent event) {
        status = event.complete() ? CooperationRequestStatus.ANSWERED : CooperationRequestStatus.PARTIALLY_ANSWERED;
    }

    @EventSourcingHandler
    void on(CooperationRequestDeclinedEvent event) {
        status = CooperationRequestStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(CooperationRequestWithdrawnEvent event) {
        status = CooperationRequestStatus.WITHDRAWN;
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
    void on(CooperationRequestOverdueEvent event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(CooperationRequestEscalatedEvent event) {
        escalated = true;
    }
}
