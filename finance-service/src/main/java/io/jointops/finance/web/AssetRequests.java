package io.jointops.finance.web;

import io.jointops.api.finance.AssetCategory;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.finance.web.FinanceConstraints.CountryCode;
import io.jointops.finance.web.FinanceConstraints.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the asset API. */
final class AssetRequests {

    private AssetRequests() {
    }

    @Schema(example = """
            {"caseId":"7d3f1c2a-5b8e-4f6a-9c1d-2e4b6a8c0f12","category":"PROPERTY",
             "description":"Warehouse at the Maasvlakte, bought through a shell company",
             "identifier":"Kadaster RTD01-K-1234","country":"NL","estimatedValue":1200000,"currency":"EUR",
             "releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H2"}""")
    record RecordAsset(
            @NotBlank @Size(max = 64) String caseId,
            @NotNull AssetCategory category,
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 200) String identifier,
            @NotNull @CountryCode String country,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal estimatedValue,
            @NotNull @CurrencyCode String currency,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN,
                    message = TransactionReportRequests.AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }
}
