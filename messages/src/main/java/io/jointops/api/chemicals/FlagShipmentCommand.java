package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An agency marks a shipment as suspicious, saying why. @param flaggingAgency the caller's agency */
public record FlagShipmentCommand(@TargetAggregateIdentifier String shipmentId, String flaggingAgency, List<String> reasons) {
}
