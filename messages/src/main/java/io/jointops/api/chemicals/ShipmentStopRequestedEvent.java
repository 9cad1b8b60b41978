package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ShipmentStopRequestedEvent(String shipmentId, String requestingAgency, String reason) {
}
