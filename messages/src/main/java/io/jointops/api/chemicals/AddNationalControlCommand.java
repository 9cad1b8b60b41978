package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
        @NotBlank String addingAgency,
        @NotBlank @Size(max = 200) String substanceName,
        @Nullable String casNumber,
        @NotBlank String country,
        @NotBlank @Size(max = 200) String legalReference,
        BigDecimal thresholdQuantity,
        QuantityUnit unit) {
}
