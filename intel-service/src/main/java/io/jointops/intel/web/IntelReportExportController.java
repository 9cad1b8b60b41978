package io.jointops.intel.web;

import io.jointops.intel.query.readlog.ReadLog;
import io.jointops.intel.query.reportview.IntelReportView;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.intel.query.reportview.IntelVisibility;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ItemEvent;
import io.jointops.notary.BundleExporter;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A report's audit bundle for the offline verifier, for every agency that reads the report: the owner agency and
 * auditors get every event, a receiving agency the events its history shows it ({@link IntelVisibility}) and the
 * others hash-only (drafts, return comments, other agencies' feedback and requests: proven in the log, content not
 * sent). An export carries content, so it is logged as a read where reads are logged. Anyone the report is not visible
 * to gets 404, as for a missing report.
 */
@RestController
@RequestMapping("/api/intel/reports")
class IntelReportExportController {

    private final ItemResponses<IntelReportView> reports;
    private final EventHistory history;
    private final ReadLog reads;
    private final BundleExporter exporter;

    IntelReportExportController(CommandGateway commands, IntelReportViews views, EventHistory history, ReadLog reads,
                                BundleExporter exporter) {
        this.reports = new ItemResponses<>("intelligence report", views, commands, history);
        this.history = history;
        this.reads = reads;
        this.exporter = exporter;
    }

    @GetMapping("/{reportId}/export")
    @Operation(summary = "The report's export bundle, for the offline verifier (docs/audit-format.md)",
            description = "Against the newest checkpoint every agency signed (or the one of treeSize). Events the "
                    + "caller's history does not show are hash-only entries: proven in the log, their content "
                    + "withheld. Logged as a read. 404 until a signed checkpoint covers the report.")
    void export(Caller caller, @PathVariable String reportId, @RequestParam(required = false) @Min(1) Long treeSize,
                HttpServletResponse response) throws IOException {
        IntelReportView view = reports.visible(caller, reportId);
        // decided now on the events as they are read today; one stored since is not among them, so it is withheld
        Set<Long> sequences = IntelVisibility.shownTo(history.events(reportId, Integer.MAX_VALUE),
                caller.agencyFilter(), view.ownerAgency()).stream().map(ItemEvent::sequence).collect(Collectors.toSet());
        if (view.readsLogged()) {
            reads.record(view.id(), caller, "EXPORT");
        }
        exporter.answer(() -> exporter.item(reportId, treeSize, sequences::contains), "audit-report-" + reportId,
                response);
    }
}
