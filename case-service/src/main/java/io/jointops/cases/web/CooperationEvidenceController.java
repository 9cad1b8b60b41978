package io.jointops.cases.web;

import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of cooperation requests and their chain of custody: the platform's endpoints under the
 * cooperation request's path.
 */
@RestController
@RequestMapping("/api/cases/cooperation-requests")
@Tag(name = "Evidence of cooperation requests",
        description = "Files of a cooperation request, seen exactly by the agencies that see the cooperation request")
class CooperationEvidenceController extends EvidenceController<CooperationRequestView> {

    CooperationEvidenceController(Evidence evidence, CooperationRequests views, EventHistory history) {
        super(evidence.responses("cooperation request", "CooperationRequest", views, history));
    }
}
