package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a movement or an intervention (departed, at waypoint, transshipped, arrived, seized, released).
 *
 * @param country         ISO 3166-1 alpha-2 country where it happened
 * @param recordingAgency the caller's agency, from its token
 */
public record RecordShipmentEventCommand(
        @TargetAggregateIdentifier String shipmentId,
        @NotNull ShipmentEventType type,
        @NotBlank @Size(max = 200) String place,
        @NotBlank String country,
        @NotNull Instant occurredAt,
        @Nullable @Size(max = 2000) String note,
        @Nullable String recordingAgency) {
}
