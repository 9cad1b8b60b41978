package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency asks for a controlled delivery or a stop of the shipment. @param requestingAgency the caller's agency */
public record RequestShipmentActionCommand(
        @TargetAggregateIdentifier String shipmentId,
        ShipmentRequestType action,
        String requestingAgency,
        String reason) {
}
