package io.jointops.api.finance;

import java.math.BigDecimal;

/**
 * One account, wallet or identified asset a freeze request names (exactly one of {@code account}, {@code wallet},
 * {@code assetId}), with the amount sought in an ISO 4217 currency.
 *
 * @param holder the account holder or owner, as known to the requesting agency (optional)
 */
public record FreezeTarget(AccountRef account, WalletRef wallet, String assetId, String holder,
                           BigDecimal amountSought, String currency) {
}
