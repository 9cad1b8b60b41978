package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** An agency marks a shipment as suspicious, saying why. @param flaggingAgency the caller's agency */
public record FlagShipmentCommand(@TargetAggregateIdentifier String shipmentId, @Nullable String flaggingAgency,
                                  List<@NotBlank @Size(max = 500) String> reasons) {
}
