package io.jointops.finance.web;

import io.jointops.finance.query.reportview.TransactionReportView;
import io.jointops.finance.query.reportview.TransactionReportViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of transaction reports and their chain of custody: the platform's endpoints under the transaction
 * report's path.
 */
@RestController
@RequestMapping("/api/finance/reports")
@Tag(name = "Evidence of transaction reports",
        description = "Files of a transaction report, seen exactly by the agencies that see the transaction report")
class TransactionReportEvidenceController extends EvidenceController<TransactionReportView> {

    TransactionReportEvidenceController(Evidence evidence, TransactionReportViews views, EventHistory history) {
        super(evidence.responses("transaction report", "SuspiciousTransactionReport", views, history));
    }
}
