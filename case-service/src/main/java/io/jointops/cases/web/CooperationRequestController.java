package io.jointops.cases.web;

import io.jointops.api.cases.AcknowledgeCooperationRequestCommand;
import io.jointops.api.cases.AnswerCooperationRequestCommand;
import io.jointops.api.cases.DeclineCooperationRequestCommand;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.SendCooperationRequestCommand;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.api.cases.WithdrawCooperationRequestCommand;
import io.jointops.cases.config.CooperationPolicy;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * Cooperation requests between agencies, under the legal clocks of {@link CooperationPolicy}. A request is visible to
 * its requesting and receiving agencies only (others: 404). Within a case, the sender must act on the case (member,
 * opener or supervisor of a participating agency) and the receiving agency must take part in it.
 */
@RestController
@RequestMapping("/api/cases/cooperation-requests")
@Tag(name = "Cooperation requests", description = "Sent by investigators/supervisors; within a case only by those "
        + "acting on it. Acknowledged, answered and declined by the receiving agency; withdrawn by the requesting one.")
class CooperationRequestController {

    private final CooperationRequests requests;
    private final CaseViews cases;
    private final CooperationPolicy policy;
    private final ItemResponses<CooperationRequestView> items;

    CooperationRequestController(CommandGateway commands, CooperationRequests requests, CaseViews cases,
                                 EventHistory history, CooperationPolicy policy) {
        this.requests = requests;
        this.cases = cases;
        this.policy = policy;
        this.items = new ItemResponses<>("cooperation request", requests, commands, history);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Send a request to another agency; the response deadline follows from type and priority",
            description = "Attachments are items linked to the request's case (the receiving agency takes part in it); "
                    + "any other item, or any attachment of a request without a case, is refused with 400 naming attachments[i].")
    ResponseEntity<CooperationRequestView> send(Caller caller,
                                                @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                @Valid @RequestBody CaseRequests.SendRequest request) {
        return items.create(caller, idempotencyKey, request, id -> URI.create("/api/cases/cooperation-requests/" + id),
                requestId -> {
                    requireCaseAllows(caller, request);
                    CooperationPolicy.Clocks clocks = policy.clocks(request.type(), request.priority(), Instant.now());
                    return new SendCooperationRequestCommand(requestId, request.caseId(), request.receivingAgency(),
                            request.type(), new LegalBasis(request.legalBasis().text().strip(),
                            request.legalBasis().reference().strip()), request.priority(), request.question(),
                            refs(request.attachments()), clocks.responseDue(), clocks.remindAt(), clocks.escalateAt(),
                            Actors.of(caller));
                });
    }

    /** Within a case: the sender acts on it, the receiving agency takes part in it, and it is not closed. */
    private void requireCaseAllows(Caller caller, CaseRequests.SendRequest request) {
        if (request.caseId() == null) {
            return;
        }
        // the caller's own agency must take part in the case (an auditor's view of every case is not enough)
        CaseView view = cases.find(request.caseId(), caller.agency()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No case '" + request.caseId() + "' is visible to you."));
        CaseController.requireActing(caller, view);
        if (!view.visibleTo(request.receivingAgency())) {
            throw new InvalidRequestException("receivingAgency", request.receivingAgency() + " does not take part in case "
                    + request.caseId() + "; add it as a partner first");
        }
        if ("CLOSED".equals(view.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The case is closed; reopen it first.");
        }
    }

    @GetMapping("/inbox")
    @Operation(summary = "Requests received by the caller's agency, soonest due first")
    Page<CooperationRequestView> inbox(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return requests.inbox(caller.agency(), page, size);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Requests sent by the caller's agency, newest first")
    Page<CooperationRequestView> outbox(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return requests.outbox(caller.agency(), page, size);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Overdue, unanswered requests sent or received by the caller's agency")
    Page<CooperationRequestView> overdue(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return requests.overdue(caller.agency(), page, size);
    }

    /** The request now, or with {@code asOf} as it was then: only if the caller's agency may see it (else 404). */
    @Operation(summary = "One cooperation request, or as it was at asOf")
    @GetMapping("/{requestId}")
    ResponseEntity<CooperationRequestView> get(Caller caller, @PathVariable String requestId,
                                               @RequestParam(required = false) Instant asOf) {
        return items.get(caller, requestId, asOf);
    }

    @Operation(summary = "The cooperation request's events")
    @GetMapping("/{requestId}/history")
    HistoryPage history(Caller caller, @PathVariable String requestId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return items.history(caller, requestId, page, size);
    }

    @PostMapping("/{requestId}/acknowledge")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Acknowledge receipt (receiving agency)")
    ResponseEntity<CooperationRequestView> acknowledge(Caller caller, @PathVariable String requestId,
                                                       @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return items.write(caller, requestId, ifMatch,
                () -> new AcknowledgeCooperationRequestCommand(requestId, Actors.of(caller)));
    }

    @PostMapping("/{requestId}/answers")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Answer in part (complete=false, as often as needed) or fully (receiving agency)")
    ResponseEntity<CooperationRequestView> answer(Caller caller, @PathVariable String requestId,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody CaseRequests.Answer request) {
        return items.write(caller, requestId, ifMatch,
                () -> new AnswerCooperationRequestCommand(requestId, request.answer(),
                request.complete(), refs(request.attachments()), Actors.of(caller)));
    }

    @PostMapping("/{requestId}/decline")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Decline with a reason (receiving agency)")
    ResponseEntity<CooperationRequestView> decline(Caller caller, @PathVariable String requestId,
                                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody CaseRequests.Reason request) {
        return items.write(caller, requestId, ifMatch,
                () -> new DeclineCooperationRequestCommand(requestId, request.reason(), Actors.of(caller)));
    }

    @PostMapping("/{requestId}/withdraw")
    @PreAuthorize("hasAnyRole('investigator', 'supervisor')")
    @Operation(summary = "Withdraw with a reason (requesting agency)")
    ResponseEntity<CooperationRequestView> withdraw(Caller caller, @PathVariable String requestId,
                                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody CaseRequests.Reason request) {
        return items.write(caller, requestId, ifMatch,
                () -> new WithdrawCooperationRequestCommand(requestId, request.reason(), Actors.of(caller)));
    }

    private static List<SharedItemRef> refs(List<CaseRequests.ItemRef> items) {
        return items == null ? List.of() : items.stream().map(item -> new SharedItemRef(item.itemType(), item.itemId())).toList();
    }
}
