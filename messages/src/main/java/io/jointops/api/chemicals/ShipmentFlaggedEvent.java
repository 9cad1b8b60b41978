package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record ShipmentFlaggedEvent(String shipmentId, String flaggingAgency, List<String> reasons) {
}
