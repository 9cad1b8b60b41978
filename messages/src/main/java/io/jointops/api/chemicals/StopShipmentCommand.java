package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the notification process when the importing authority objected to the notification the shipment is under. */
public record StopShipmentCommand(@TargetAggregateIdentifier String shipmentId, String notificationId, String reason) {
}
