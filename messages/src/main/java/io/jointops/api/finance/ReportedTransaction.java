package io.jointops.api.finance;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.jointops.api.shared.Identifies.Kind.ORGANISATION_NAME;
import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;

/**
 * One transaction of a goAML-style report. Each side is an account or a wallet (exactly one of the two).
 *
 * @param number   the reporting entity's transaction number
 * @param currency ISO 4217 code of {@code amount}
 * @param mode     how the money moved, as reported (e.g. {@code WIRE}, {@code CASH}, {@code CRYPTO})
 * @param fromName the account holder or counterparty on each side, a person or an organisation (goAML does not say
 *                 which; each is matched as both)
 */
@NonPersonal
public record ReportedTransaction(
        @NotBlank @Size(max = 50) String number,
        @NotNull LocalDate date,
        BigDecimal amount,
        @NotBlank String currency,
        @Nullable @Size(max = 30) String mode,
        @Identifies(kind = {PERSON_NAME, ORGANISATION_NAME}) @Personal @Nullable @Size(max = 200) String fromName,
        AccountRef fromAccount,
        WalletRef fromWallet,
        @Identifies(kind = {PERSON_NAME, ORGANISATION_NAME}) @Personal @Nullable @Size(max = 200) String toName,
        AccountRef toAccount,
        WalletRef toWallet) {
}
