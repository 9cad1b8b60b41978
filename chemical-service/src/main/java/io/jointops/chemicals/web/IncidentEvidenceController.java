package io.jointops.chemicals.web;

import io.jointops.chemicals.query.incidentview.IncidentView;
import io.jointops.chemicals.query.incidentview.IncidentViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of incidents and their chain of custody: the platform's endpoints under the incident's path. */
@RestController
@RequestMapping("/api/chemicals/incidents")
@Tag(name = "Evidence of incidents",
        description = "Files of a incident, seen exactly by the agencies that see the incident")
class IncidentEvidenceController extends EvidenceController<IncidentView> {

    IncidentEvidenceController(Evidence evidence, IncidentViews views, EventHistory history) {
        super(evidence.responses("incident", "Incident", views, history));
    }
}
