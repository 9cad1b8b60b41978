package io.jointops.api.chemicals;

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
        ShipmentEventType type,
        String place,
        String country,
        Instant occurredAt,
        String note,
        String recordingAgency) {
}
