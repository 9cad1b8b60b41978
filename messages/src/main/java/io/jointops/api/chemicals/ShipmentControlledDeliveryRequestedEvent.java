package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ShipmentControlledDeliveryRequestedEvent(String shipmentId, String requestingAgency, String reason) {
}
