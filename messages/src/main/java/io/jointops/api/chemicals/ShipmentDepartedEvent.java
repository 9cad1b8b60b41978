package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** @param status the shipment's status after it (case-service follows it) */
@Revision("1")
public record ShipmentDepartedEvent(String shipmentId, String place, String country, Instant occurredAt, String note,
        String recordingAgency, ShipmentStatus status) {
}
