package io.jointops.intel.web;

import io.jointops.intel.query.reportview.IntelReportView;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of intelligence reports and their chain of custody: the platform's endpoints under the
 * intelligence report's path.
 */
@RestController
@RequestMapping("/api/intel/reports")
@Tag(name = "Evidence of intelligence reports",
        description = "Files of a intelligence report, seen exactly by the agencies that see the intelligence report")
class IntelReportEvidenceController extends EvidenceController<IntelReportView> {

    IntelReportEvidenceController(Evidence evidence, IntelReportViews views, EventHistory history) {
        super(evidence.responses("intelligence report", "IntelReport", views, history));
    }
}
