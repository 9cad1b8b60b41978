package io.jointops.chemicals.query.shipmentview;

import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.command.EvidenceFiles;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view folds every event of the shipment (each raises the version a write waits for), and its processor reads
 * only the events the fold names: a new event of the aggregate must be named there too.
 */
class ShipmentViewFoldEventsTest {

    @Test
    void theViewFoldsEveryShipmentEvent() {
        assertThat(ShipmentViewFold.EVENTS).containsExactlyInAnyOrderElementsOf(Stream.concat(ContractEvents.ALL.stream()
                .filter(type -> type.getPackageName().equals("io.jointops.api.chemicals"))
                .filter(type -> type.getSimpleName().startsWith("Shipment"))
                .toList().stream(),
                EvidenceFiles.ITEM_EVENTS.stream()).toList());
    }
}
