package io.jointops.chemicals.web;

import io.jointops.chemicals.query.shipmentview.ShipmentView;
import io.jointops.chemicals.query.shipmentview.ShipmentViews;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.evidence.EvidenceController;
import io.jointops.platform.history.EventHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence files of shipments and their chain of custody: the platform's endpoints under the shipment's path. */
@RestController
@RequestMapping("/api/chemicals/shipments")
@Tag(name = "Evidence of shipments",
        description = "Files of a shipment, seen exactly by the agencies that see the shipment")
class ShipmentEvidenceController extends EvidenceController<ShipmentView> {

    ShipmentEvidenceController(Evidence evidence, ShipmentViews views, EventHistory history) {
        super(evidence.responses("shipment", "Shipment", views, history));
    }
}
