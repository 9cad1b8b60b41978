package io.jointops.cases.web;

import io.jointops.api.cases.AcceptCaseLeadCommand;
import io.jointops.api.cases.DismissCaseLeadCommand;
import io.jointops.cases.query.caselead.CaseLeadView;
import io.jointops.cases.query.caselead.CaseLeads;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * Joint cases proposed by other services (e.g. chemical-service on a seizure of a Table I precursor). Visible to the
 * agencies that may see the item (others: 404); accepted or dismissed by a supervisor of the proposing agency.
 */
@RestController
@RequestMapping("/api/cases/leads")
@Tag(name = "Case leads", description = "Read by the item's agencies; accepted or dismissed by a supervisor of the proposing agency.")
class CaseLeadController {

    /** How long an accept waits for the new case to show: it is opened by a process after the lead's event. */
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final CaseLeads leads;
    private final CaseViews cases;
    private final EventHistory history;
    private final ItemResponses<CaseLeadView> items;

    CaseLeadController(CommandGateway commands, CaseLeads leads, CaseViews cases, EventHistory history) {
        this.commands = commands;
        this.leads = leads;
        this.cases = cases;
        this.history = history;
        this.items = new ItemResponses<>("case lead", leads, commands, history);
    }

    @GetMapping
    @Operation(summary = "Leads the caller's agency may see, newest first; optionally of one item, in one status")
    Page<CaseLeadView> list(Caller caller, @RequestParam(required = false) @Size(max = 64) String itemId,
                            @RequestParam(required = false) @Pattern(regexp = "PROPOSED|ACCEPTED|DISMISSED") String status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return leads.visibleTo(caller.agencyFilter(), itemId, status, page, size);
    }

    @Operation(summary = "One case lead, or as it was at asOf")
    @GetMapping("/{leadId}")
    ResponseEntity<CaseLeadView> get(Caller caller, @PathVariable String leadId, @RequestParam(required = false) Instant asOf) {
        return items.get(caller, leadId, asOf);
    }

    @Operation(summary = "The case lead's events")
    @GetMapping("/{leadId}/history")
    HistoryPage history(Caller caller, @PathVariable String leadId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return items.history(caller, leadId, page, size);
    }

    @PostMapping("/{leadId}/accept")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Accept: opens a case led by the proposing agency with the item's other agencies as partners, "
            + "and asks the owning service to link the item (it shows in linkedItems once confirmed)")
    ResponseEntity<CaseLeadView> accept(Caller caller, @PathVariable String leadId,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody CaseRequests.AcceptLead request) {
        items.visible(caller, leadId, ifMatch);
        // one case per lead, whoever accepts and however often the request is retried
        String caseId = UUID.nameUUIDFromBytes(("case-of-lead|" + leadId).getBytes(StandardCharsets.UTF_8)).toString();
        commands.sendAndWait(new AcceptCaseLeadCommand(leadId, caseId, request.title(), request.summary(), request.tlp(),
                request.handlingCode(), Actors.of(caller)), 30, TimeUnit.SECONDS);
        CaseLeadView view = leads.awaitVersion(leadId, history.count(leadId) - 1, ReadYourWrites.TIMEOUT).orElse(null);
        cases.awaitVersion(caseId, 0, CASE_TIMEOUT);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(view);
    }

    @PostMapping("/{leadId}/dismiss")
    @PreAuthorize("hasRole('supervisor')")
    @Operation(summary = "Dismiss with a reason (supervisor of the proposing agency)")
    ResponseEntity<CaseLeadView> dismiss(Caller caller, @PathVariable String leadId,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.Reason request) {
        return items.write(caller, leadId, ifMatch,
                () -> new DismissCaseLeadCommand(leadId, request.reason(), Actors.of(caller)));
    }
}
