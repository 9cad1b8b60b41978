package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the notification process when the importing authority objected to the notification the shipment is under. */
public record StopShipmentCommand(@TargetAggregateIdentifier String shipmentId, @NotBlank String notificationId, @Nullable String reason) {
}
