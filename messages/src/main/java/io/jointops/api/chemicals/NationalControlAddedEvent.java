package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** @param substanceName the registry's name of the substance */
@Revision("1")
@NonPersonal
public record NationalControlAddedEvent(
        String controlId,
        String addingAgency,
        @NonPersonal String substanceName,
        String casNumber,
        String country,
        String legalReference,
        BigDecimal thresholdQuantity,
        QuantityUnit unit) {
}
