package io.jointops.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.finance.FileSuspiciousTransactionReportCommand;
import io.jointops.api.finance.ReleaseTransactionReportCommand;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.finance.query.moneyflow.MoneyFlows;
import io.jointops.finance.query.moneyflow.ReportTransaction;
import io.jointops.finance.query.reportview.TransactionReportView;
import io.jointops.finance.query.reportview.TransactionReportViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.http.HttpHeaders.IF_MATCH;

@RestController
@RequestMapping("/api/finance/reports")
class TransactionReportController {

    private static final MethodParameter FILE_BODY;

    static {
        try {
            FILE_BODY = new MethodParameter(TransactionReportController.class.getDeclaredMethod("file", Caller.class,
                    String.class, TransactionReportRequests.FileReport.class), 2);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bulk import of thousands of transactions is stored in one command, which may take this long. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(60);

    private final TransactionReportViews views;
    private final MoneyFlows flows;
    private final BulkImport bulk;
    private final ItemResponses<TransactionReportView> reports;

    TransactionReportController(CommandGateway commands, TransactionReportViews views, MoneyFlows flows,
                                EventHistory history, BulkImport bulk) {
        this.views = views;
        this.flows = flows;
        this.bulk = bulk;
        this.reports = new ItemResponses<>("transaction report", views, commands, history);
    }

    /**
     * Files a report with all its transactions (a bulk import of thousands is one request): stored whole, or, if any
     * line is faulty, not at all, with every faulty field named.
     */
    @Operation(summary = "File a suspicious transaction report with all its transactions (all or nothing)")
    @PostMapping
    @PreAuthorize("hasAnyRole('finance-officer', 'investigator', 'supervisor')")
    ResponseEntity<TransactionReportView> file(Caller caller,
                                               @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                               @Valid @RequestBody TransactionReportRequests.FileReport request)
            throws MethodArgumentNotValidException {
        List<TransactionReportRequests.Transaction> lines = request.transactions() == null ? List.of() : request.transactions();
        ResponseEntity<TransactionReportView> answer = reports.create(caller, idempotencyKey, request,
                TransactionReportController::location, IMPORT_TIMEOUT, reportId -> {
                    List<ReportedTransaction> transactions = bulk.validate(reportId, FILE_BODY, request, lines);
                    bulk.progress(reportId, lines.size(), "all lines valid, storing");
                    return new FileSuspiciousTransactionReportCommand(reportId, request.reportCode(),
                            request.reportingEntity(), request.submissionDate(), request.reason(),
                            request.reportingPerson(), request.indicators() == null ? List.of() : request.indicators(),
                            transactions, caller.agency(),
                            request.releasedTo() == null ? Set.of() : new HashSet<>(request.releasedTo()),
                            request.tlp(), request.handlingCode());
                });
        String path = answer.getHeaders().getLocation().getPath();
        bulk.progress(path.substring(path.lastIndexOf('/') + 1), lines.size(), "stored, version "
                + answer.getHeaders().getETag());
        return answer;
    }

    /** The owner releases the report to one more agency. */
    @Operation(summary = "Release the report to one more agency (its owner)")
    @PostMapping("/{reportId}/releases")
    @PreAuthorize("hasAnyRole('finance-officer', 'investigator', 'supervisor')")
    ResponseEntity<TransactionReportView> release(Caller caller, @PathVariable String reportId,
                                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody TransactionReportRequests.Release request) {
        return reports.write(caller, reportId, ifMatch,
                expected -> new ReleaseTransactionReportCommand(reportId, request.agency(), caller.agency(), expected));
    }

    /**
     * The transaction report now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the
     * caller may see it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    @Operation(summary = "One transaction report, or as it was at asOf")
    @GetMapping("/{reportId}")
    ResponseEntity<TransactionReportView> get(Caller caller, @PathVariable String reportId,
                            @RequestParam(required = false) Instant asOf) {
        return reports.get(caller, reportId, asOf);
    }

    /** The report's transactions in reported order, with the graph's node of each side. */
    @Operation(summary = "The report's transactions, a page at a time")
    @GetMapping("/{reportId}/transactions")
    Page<ReportTransaction> transactions(Caller caller, @PathVariable String reportId,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        reports.visible(caller, reportId);
        return flows.transactionsOf(reportId, page, size);
    }

    @Operation(summary = "The transaction reports the caller's agency may see, a page at a time")
    @GetMapping
    Page<TransactionReportView> list(Caller caller,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.visibleTo(caller.agencyFilter(), page, size);
    }

    @Operation(summary = "The transaction report's events")
    @GetMapping("/{reportId}/history")
    HistoryPage history(Caller caller, @PathVariable String reportId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return reports.history(caller, reportId, page, size);
    }

    private static URI location(String reportId) {
        return URI.create("/api/finance/reports/" + reportId);
    }
}
