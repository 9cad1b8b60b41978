package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Records an asset identified for a case (Silver Notice categories).
 *
 * @param identifier what identifies the asset in its category: IBAN or account number, land register entry, VIN or
 *                   plate, company register number, wallet address
 * @param country    ISO 3166-1 alpha-2 country where the asset is
 * @param currency   ISO 4217 code of {@code estimatedValue}
 * @param ownerAgency the recording agency, from its token
 */
public record RecordIdentifiedAssetCommand(
        @TargetAggregateIdentifier String assetId,
        @NotBlank @Size(max = 64) String caseId,
        @NotNull AssetCategory category,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 200) String identifier,
        @NotBlank String country,
        BigDecimal estimatedValue,
        @NotBlank String currency,
        @NotBlank String ownerAgency,
        Set<String> releasedTo,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {
}
