package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** @param substanceName the registry's name of the substance */
@Revision("1")
public record NationalControlAddedEvent(
        String controlId,
        String addingAgency,
        String substanceName,
        String casNumber,
        String country,
        String legalReference,
        BigDecimal thresholdQuantity,
        QuantityUnit unit) {
}
