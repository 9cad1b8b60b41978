package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** @param status the shipment's status after it (case-service follows it) */
@Revision("1")
@NonPersonal
public record ShipmentDepartedEvent(String shipmentId, String place, String country, Instant occurredAt,
                                    @Personal String note,
        String recordingAgency, ShipmentStatus status) {
}
