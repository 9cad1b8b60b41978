package io.jointops.cases.web;

import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of cases and their chain of custody: the platform's endpoints under the case's path. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Evidence of cases",
        description = "Files of a case, seen exactly by the agencies that see the case")
class CaseEvidenceController extends EvidenceController<CaseView> {

    CaseEvidenceController(Evidence evidence, CaseViews views, EventHistory history) {
        super(evidence.responses("case", "JointCase", views, history));
    }
}
