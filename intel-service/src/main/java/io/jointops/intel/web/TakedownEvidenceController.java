package io.jointops.intel.web;

import io.jointops.intel.query.takedownview.TakedownView;
import io.jointops.intel.query.takedownview.TakedownViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of takedown requests and their chain of custody: the platform's endpoints under the takedown
 * request's path.
 */
@RestController
@RequestMapping("/api/intel/takedowns")
@Tag(name = "Evidence of takedown requests",
        description = "Files of a takedown request, seen exactly by the agencies that see the takedown request")
class TakedownEvidenceController extends EvidenceController<TakedownView> {

    TakedownEvidenceController(Evidence evidence, TakedownViews views, EventHistory history) {
        super(evidence.responses("takedown request", "TakedownRequest", views, history));
    }
}
