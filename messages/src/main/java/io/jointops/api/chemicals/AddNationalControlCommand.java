package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * An agency records a national control of a registry substance in its own country.
 *
 * @param addingAgency      the caller's agency, from its token; it must be of {@code country}
 * @param thresholdQuantity the quantity above which a shipment needs extra scrutiny in that country, or null
 */
public record AddNationalControlCommand(
        @TargetAggregateIdentifier String controlId,
        String addingAgency,
        String substanceName,
        String casNumber,
        String country,
        String legalReference,
        BigDecimal thresholdQuantity,
        QuantityUnit unit) {
}
