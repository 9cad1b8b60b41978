package io.jointops.finance.web;

import io.jointops.api.finance.FreezeMeasure;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.FreezeUrgency;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.finance.web.FinanceConstraints.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Request bodies of the freeze request API. The requesting and answering agency are always the caller's. */
final class FreezeRequestRequests {

    private FreezeRequestRequests() {
    }

    @Schema(example = """
            {"receivingAgency":"CN-CAMLMAC","measure":"FREEZE",
             "legalBasis":"FATF Recommendation 38; PRC AML Law Art. 43","urgency":"URGENT",
             "targets":[{"account":{"iban":"DE89 3704 0044 0532 0130 00"},"holder":"Harbour Trading LLC",
             "amountSought":250000,"currency":"EUR"}],"tlp":"TLP:AMBER","handlingCode":"H2"}""")
    record RequestFreeze(
            @NotNull @Pattern(regexp = Agencies.PATTERN, message = TransactionReportRequests.AGENCY_MESSAGE) String receivingAgency,
            @NotNull FreezeMeasure measure,
            @NotBlank @Size(max = 2000) String legalBasis,
            @Size(max = 64) String caseId,
            @NotNull FreezeUrgency urgency,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid Target> targets,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }

    /** An account, a wallet or an identified asset (exactly one), and the amount sought on it. */
    record Target(
            @Valid TransactionReportRequests.Account account,
            @Valid TransactionReportRequests.Wallet wallet,
            @Size(max = 64) String assetId,
            @Size(max = 200) String holder,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amountSought,
            @NotNull @CurrencyCode String currency) {

        FreezeTarget toTarget() {
            return new FreezeTarget(account == null ? null : account.toRef(), wallet == null ? null : wallet.toRef(),
                    assetId, holder, amountSought, currency);
        }
    }

    /** The amount frozen on each target, by the target's index in the request; a target left out is not frozen. */
    @Schema(example = """
            {"amounts":[{"target":0,"amount":250000}]}""")
    record Freeze(@NotEmpty @Size(max = 100) List<@NotNull @Valid FrozenAmount> amounts) {
    }

    record FrozenAmount(@NotNull @Min(0) @Max(99) Integer target,
                        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    @Schema(example = """
            {"reason":"The account was closed in 2024"}""")
    record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    /** @param expiresAt the new expiry; without it, one more period of the receiving country's rule */
    @Schema(example = """
            {"expiresAt":"2030-01-31T00:00:00Z"}""")
    record Extend(Instant expiresAt) {
    }

    @Schema(name = "ReleaseFreeze", example = """
            {"reason":"The court lifted the order"}""")
    record Release(@Size(max = 2000) String reason) {
    }
}
