package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/** @param releasedTo sorted, without the owner */
@Revision("1")
public record AssetIdentifiedEvent(
        String assetId,
        String caseId,
        AssetCategory category,
        String description,
        String identifier,
        String country,
        BigDecimal estimatedValue,
        String currency,
        String ownerAgency,
        List<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}
