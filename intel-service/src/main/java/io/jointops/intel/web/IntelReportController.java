package io.jointops.intel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.intel.ApproveIntelReportCommand;
import io.jointops.api.intel.DecideOnwardDisseminationCommand;
import io.jointops.api.intel.DraftIntelReportCommand;
import io.jointops.api.intel.GiveIntelReportFeedbackCommand;
import io.jointops.api.intel.IntelReportStatus;
import io.jointops.api.intel.RegradeIntelReportCommand;
import io.jointops.api.intel.RequestOnwardDisseminationCommand;
import io.jointops.api.intel.ReturnIntelReportCommand;
import io.jointops.api.intel.ReviseIntelReportDraftCommand;
import io.jointops.api.intel.SubmitIntelReportForReleaseCommand;
import io.jointops.api.intel.WidenIntelReportReleaseCommand;
import io.jointops.api.intel.WithdrawIntelReportCommand;
import io.jointops.intel.query.readlog.ReadLog;
import io.jointops.intel.query.reportview.IntelReportSummary;
import io.jointops.intel.query.reportview.IntelReportView;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.intel.query.reportview.IntelVisibility;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * Intelligence reports: drafting, the release workflow, release and onward dissemination, feedback, withdrawal, and
 * the read log. Every read of a report labelled TLP:AMBER or stricter is recorded.
 */
@RestController
@RequestMapping("/api/intel/reports")
class IntelReportController {

    private static final String WRITERS = "hasAnyRole('investigator', 'analyst', 'supervisor')";

    private final IntelReportViews views;
    private final EventHistory history;
    private final ReadLog reads;
    private final ItemResponses<IntelReportView> reports;

    IntelReportController(CommandGateway commands, IntelReportViews views, EventHistory history, ReadLog reads) {
        this.views = views;
        this.history = history;
        this.reads = reads;
        this.reports = new ItemResponses<>("intelligence report", views, commands, history);
    }

    /** A draft, seen by the owner agency only until a supervisor approves its release. */
    @Operation(summary = "Draft an intelligence report (seen by its owner agency only)")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> draft(Caller caller,
                                          @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                          @Valid @RequestBody IntelReportRequests.DraftReport request) {
        return reports.create(caller, idempotencyKey, request, IntelReportController::location,
                reportId -> new DraftIntelReportCommand(reportId, caller.agency(), request.content()));
    }

    /**
     * The report now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the caller may
     * see it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @Operation(summary = "One intelligence report (its read is logged), or as it was at asOf")
    @GetMapping("/{reportId}")
    ResponseEntity<IntelReportView> get(Caller caller, @PathVariable String reportId,
                                        @RequestParam(required = false) Instant asOf) {
        IntelReportView view = reports.read(caller, reportId, asOf);
        logRead(caller, view, "REPORT");
        return reports.ok(view);
    }

    /**
     * The reports the caller's agency may see, as summaries (no content: issue 15, a list of full reports was read
     * without a read-log entry); the content is read one report at a time, and logged.
     */
    @Operation(summary = "Summaries of the reports the caller's agency may see, a page at a time")
    @GetMapping
    Page<IntelReportSummary> list(Caller caller,
                               @RequestParam(required = false) IntelReportStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), status == null ? null : status.name(), page, size);
    }

    /**
     * The report's events: all of them for the owner agency and auditors; for an agency the report is released to,
     * those from its release to that agency on that concern it ({@link IntelVisibility}), never drafts, the
     * supervisor's comments or other agencies' feedback and requests. Global positions only for auditors.
     */
    @Operation(summary = "The report's events, as the caller's agency is shown them")
    @GetMapping("/{reportId}/history")
    HistoryPage history(Caller caller, @PathVariable String reportId,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        IntelReportView view = reports.visible(caller, reportId);
        logRead(caller, view, "HISTORY");
        // a report's stream is short (tens of events): filtered in memory, then paged among what is shown
        return HistoryPage.of(reportId, IntelVisibility.shown(history).entries(reportId, view, 0, Long.MAX_VALUE, caller),
                page, size);
    }

    /** Who read the report (TLP:AMBER or stricter), when: for the owner agency and auditors. */
    @Operation(summary = "Who read the report's content, and when (its owner agency)")
    @GetMapping("/{reportId}/reads")
    Page<ReadLog.Read> readLog(Caller caller, @PathVariable String reportId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        IntelReportView view = reports.visible(caller, reportId);
        if (!caller.hasRole("auditor") && !view.ownerAgency().equals(caller.agency())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The read log is shown to the owner agency " + view.ownerAgency() + " and to auditors.");
        }
        return reads.of(reportId, page, size);
    }

    @Operation(summary = "Revise a draft or returned report")
    @PutMapping("/{reportId}")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> revise(Caller caller, @PathVariable String reportId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody IntelReportRequests.DraftReport request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new ReviseIntelReportDraftCommand(reportId, caller.agency(), request.content()));
    }

    @Operation(summary = "Submit the report for a supervisor's approval")
    @PostMapping("/{reportId}/submission")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> submit(Caller caller, @PathVariable String reportId,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return reports.write(caller, reportId, ifMatch,
                () -> new SubmitIntelReportForReleaseCommand(reportId, caller.agency()));
    }

    /**
     * A supervisor of the owner agency approves: the report is disseminated to the agencies it is released to. Not a
     * supervisor who drafted or revised it (four-eyes: 403).
     */
    @Operation(summary = "Approve and release the report (a supervisor who neither drafted nor revised it)")
    @PostMapping("/{reportId}/approval")
    @PreAuthorize("hasRole('supervisor')")
    ResponseEntity<IntelReportView> approve(Caller caller, @PathVariable String reportId,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return reports.write(caller, reportId, ifMatch,
                () -> new ApproveIntelReportCommand(reportId, caller.agency(), caller.userId()));
    }

    @Operation(summary = "Return the report to its author with a comment (a supervisor)")
    @PostMapping("/{reportId}/return")
    @PreAuthorize("hasRole('supervisor')")
    ResponseEntity<IntelReportView> sendBack(Caller caller, @PathVariable String reportId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody IntelReportRequests.Comments request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new ReturnIntelReportCommand(reportId, caller.agency(), request.comments()));
    }

    @Operation(summary = "Change the report's source and information grading")
    @PostMapping("/{reportId}/grading")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> regrade(Caller caller, @PathVariable String reportId,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody IntelReportRequests.Regrade request) {
        return reports.write(caller, reportId, ifMatch, () -> new RegradeIntelReportCommand(reportId, caller.agency(),
                request.sourceReliability(), request.informationCredibility(), request.reason()));
    }

    /**
     * The owner releases the disseminated report to more agencies: a supervisor of the owner agency who neither
     * drafted nor revised the report (four-eyes, decided by the aggregate; anyone else of the owner agency: 403).
     */
    @Operation(summary = "Release the report to more agencies (four-eyes, as for the first release)")
    @PostMapping("/{reportId}/release")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> widen(Caller caller, @PathVariable String reportId,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody IntelReportRequests.WidenRelease request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new WidenIntelReportReleaseCommand(reportId, caller.agency(),
                new HashSet<>(request.agencies())));
    }

    /** A receiving agency asks the owner's consent to pass the report on; answers the request's id in the view. */
    @Operation(summary = "Ask the owner's consent to pass the report on to another agency")
    @PostMapping("/{reportId}/onward-requests")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> requestOnward(Caller caller, @PathVariable String reportId,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody IntelReportRequests.OnwardRequest request) {
        String requestId = UUID.randomUUID().toString();
        ResponseEntity<IntelReportView> response = reports.write(caller, reportId, ifMatch,
                () -> new RequestOnwardDisseminationCommand(
                reportId, requestId, caller.agency(), request.toAgency(), request.justification()));
        return ResponseEntity.status(HttpStatus.CREATED).headers(response.getHeaders())
                .location(URI.create("/api/intel/reports/" + reportId + "/onward-requests/" + requestId))
                .body(response.getBody());
    }

    /**
     * The owner agency decides: consent (which widens the release) by a supervisor who neither drafted nor revised the
     * report, as for widening; a refusal by anyone of the owner agency who may write.
     */
    @Operation(summary = "The owner agency grants or refuses onward dissemination")
    @PostMapping("/{reportId}/onward-requests/{requestId}/decision")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> decideOnward(Caller caller, @PathVariable String reportId,
                                                 @PathVariable String requestId,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody IntelReportRequests.Decision request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new DecideOnwardDisseminationCommand(reportId, requestId, caller.agency(),
                request.consent(), request.comment()));
    }

    @Operation(summary = "A recipient agency's feedback on the report's value")
    @PostMapping("/{reportId}/feedback")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> feedback(Caller caller, @PathVariable String reportId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody IntelReportRequests.Feedback request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new GiveIntelReportFeedbackCommand(reportId, caller.agency(), request.kind(),
                request.comment()));
    }

    @Operation(summary = "Withdraw the report (its owner agency)")
    @PostMapping("/{reportId}/withdrawal")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntelReportView> withdraw(Caller caller, @PathVariable String reportId,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody IntelReportRequests.Reason request) {
        return reports.write(caller, reportId, ifMatch,
                () -> new WithdrawIntelReportCommand(reportId, caller.agency(), request.reason()));
    }

    private void logRead(Caller caller, IntelReportView view, String what) {
        if (view.readsLogged()) {
            reads.record(view.id(), caller, what);
        }
    }

    private static URI location(String reportId) {
        return URI.create("/api/intel/reports/" + reportId);
    }
}
