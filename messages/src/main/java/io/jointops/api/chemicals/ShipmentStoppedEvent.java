package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ShipmentStoppedEvent(String shipmentId, String notificationId, String reason, ShipmentStatus status) {
}
