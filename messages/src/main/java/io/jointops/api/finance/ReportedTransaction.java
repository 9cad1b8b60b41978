package io.jointops.api.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One transaction of a goAML-style report. Each side is an account or a wallet (exactly one of the two).
 *
 * @param number   the reporting entity's transaction number
 * @param currency ISO 4217 code of {@code amount}
 * @param mode     how the money moved, as reported (e.g. {@code WIRE}, {@code CASH}, {@code CRYPTO})
 */
public record ReportedTransaction(
        String number,
        LocalDate date,
        BigDecimal amount,
        String currency,
        String mode,
        String fromName,
        AccountRef fromAccount,
        WalletRef fromWallet,
        String toName,
        AccountRef toAccount,
        WalletRef toWallet) {
}
