package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/** @param releasedTo sorted, without the owner */
@Revision("1")
@NonPersonal
public record AssetIdentifiedEvent(
        String assetId,
        String caseId,
        AssetCategory category,
        @Personal String description,
        @Personal String identifier,
        String country,
        BigDecimal estimatedValue,
        String currency,
        String ownerAgency,
        List<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}
