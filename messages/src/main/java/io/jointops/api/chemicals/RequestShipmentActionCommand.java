package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency asks for a controlled delivery or a stop of the shipment. @param requestingAgency the caller's agency */
public record RequestShipmentActionCommand(
        @TargetAggregateIdentifier String shipmentId,
        @NotNull ShipmentRequestType action,
        @Nullable String requestingAgency,
        @NotBlank @Size(max = 2000) String reason) {
}
