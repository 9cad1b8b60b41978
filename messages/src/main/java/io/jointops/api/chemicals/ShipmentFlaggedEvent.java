package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
@NonPersonal
public record ShipmentFlaggedEvent(String shipmentId, String flaggingAgency, @NonPersonal List<String> reasons) {
}
