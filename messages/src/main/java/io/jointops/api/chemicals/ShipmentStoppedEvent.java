package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record ShipmentStoppedEvent(String shipmentId, String notificationId,
                                   @Personal String reason, ShipmentStatus status) {
}
