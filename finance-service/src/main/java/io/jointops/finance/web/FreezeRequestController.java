package io.jointops.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.finance.AcknowledgeFreezeRequestCommand;
import io.jointops.api.finance.ExtendFreezeCommand;
import io.jointops.api.finance.GrantFreezeCommand;
import io.jointops.api.finance.RejectFreezeRequestCommand;
import io.jointops.api.finance.ReleaseFreezeCommand;
import io.jointops.api.finance.RequestFreezeCommand;
import io.jointops.finance.query.freezeview.FreezeRequestView;
import io.jointops.finance.query.freezeview.FreezeRequests;
import io.jointops.finance.query.freezeview.FreezeTotals;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * Freeze requests between agencies of two countries: the requesting agency asks; the receiving agency acknowledges,
 * freezes (amounts per target, full or partial) or rejects, extends or releases. Each step is an event; each write
 * takes {@code If-Match} with the version last read.
 */
@RestController
@RequestMapping("/api/finance/freeze-requests")
class FreezeRequestController {

    private static final String WRITERS = "hasAnyRole('finance-officer', 'investigator', 'supervisor')";

    private final FreezeRequests requests;
    private final ItemResponses<FreezeRequestView> items;

    FreezeRequestController(CommandGateway commands, FreezeRequests requests, EventHistory history) {
        this.requests = requests;
        this.items = new ItemResponses<>("freeze request", requests, commands, history);
    }

    @Operation(summary = "Ask another agency to freeze an account")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> request(Caller caller,
                                              @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                              @Valid @RequestBody FreezeRequestRequests.RequestFreeze request) {
        return items.create(caller, idempotencyKey, request, id -> URI.create("/api/finance/freeze-requests/" + id),
                requestId -> new RequestFreezeCommand(requestId, caller.agency(), request.receivingAgency(), request.measure(),
                        request.legalBasis(), request.caseId(), request.urgency(),
                        request.targets().stream().map(FreezeRequestRequests.Target::toTarget).toList(),
                        request.tlp(), request.handlingCode()));
    }

    @Operation(summary = "The requested agency acknowledges the freeze request")
    @PostMapping("/{requestId}/acknowledge")
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> acknowledge(Caller caller, @PathVariable String requestId,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return items.write(caller, requestId, ifMatch,
                expected -> new AcknowledgeFreezeRequestCommand(requestId, caller.agency(), expected));
    }

    @Operation(summary = "The requested agency freezes the amount")
    @PostMapping("/{requestId}/freeze")
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> freeze(Caller caller, @PathVariable String requestId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody FreezeRequestRequests.Freeze request) {
        Map<Integer, BigDecimal> amounts = new HashMap<>();
        for (FreezeRequestRequests.FrozenAmount amount : request.amounts()) {
            if (amounts.put(amount.target(), amount.amount()) != null) {
                throw new InvalidRequestException("amounts", "names target " + amount.target() + " twice");
            }
        }
        return items.write(caller, requestId, ifMatch,
                expected -> new GrantFreezeCommand(requestId, caller.agency(), amounts, expected));
    }

    @Operation(summary = "The requested agency rejects the freeze request, saying why")
    @PostMapping("/{requestId}/reject")
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> reject(Caller caller, @PathVariable String requestId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody FreezeRequestRequests.Reject request) {
        return items.write(caller, requestId, ifMatch,
                expected -> new RejectFreezeRequestCommand(requestId, caller.agency(), request.reason(), expected));
    }

    @Operation(summary = "Extend the freeze before it expires")
    @PostMapping("/{requestId}/extend")
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> extend(Caller caller, @PathVariable String requestId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody(required = false) FreezeRequestRequests.Extend request) {
        return items.write(caller, requestId, ifMatch, expected -> new ExtendFreezeCommand(requestId, caller.agency(),
                request == null ? null : request.expiresAt(), expected));
    }

    @Operation(summary = "Release the frozen amount")
    @PostMapping("/{requestId}/release")
    @PreAuthorize(WRITERS)
    ResponseEntity<FreezeRequestView> release(Caller caller, @PathVariable String requestId,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody(required = false) FreezeRequestRequests.Release request) {
        return items.write(caller, requestId, ifMatch, expected -> new ReleaseFreezeCommand(requestId, caller.agency(),
                request == null ? null : request.reason(), expected));
    }

    @Operation(summary = "One freeze request, or as it was at asOf")
    @GetMapping("/{requestId}")
    ResponseEntity<FreezeRequestView> get(Caller caller, @PathVariable String requestId,
                                          @RequestParam(required = false) Instant asOf) {
        return items.get(caller, requestId, asOf);
    }

    @Operation(summary = "The freeze requests the caller's agency takes part in, a page at a time")
    @GetMapping
    Page<FreezeRequestView> list(Caller caller,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return requests.visibleTo(caller.agencyFilter(), page, size);
    }

    /** Requested, frozen and released amounts per case and per country pair (optionally of one case). */
    @Operation(summary = "Requested, frozen and released amounts per case and country pair")
    @GetMapping("/totals")
    FreezeTotals totals(Caller caller, @RequestParam(required = false) @Size(max = 64) String caseId) {
        return requests.totals(caller.agencyFilter(), caseId);
    }

    @Operation(summary = "The freeze request's events")
    @GetMapping("/{requestId}/history")
    HistoryPage history(Caller caller, @PathVariable String requestId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return items.history(caller, requestId, page, size);
    }
}
