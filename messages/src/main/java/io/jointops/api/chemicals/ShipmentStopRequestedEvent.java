package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record ShipmentStopRequestedEvent(String shipmentId, String requestingAgency, @Personal String reason) {
}
