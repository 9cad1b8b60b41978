package io.jointops.api.finance;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

import static io.jointops.api.shared.Identifies.Kind.ORGANISATION_NAME;
import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;

/**
 * One account, wallet or identified asset a freeze request names (exactly one of {@code account}, {@code wallet},
 * {@code assetId}), with the amount sought in an ISO 4217 currency.
 *
 * @param holder the account holder or owner, as known to the requesting agency (optional)
 */
@NonPersonal
public record FreezeTarget(AccountRef account, WalletRef wallet, @Nullable @Size(max = 64) String assetId,
                           @Identifies(kind = {PERSON_NAME, ORGANISATION_NAME}) @Personal @Nullable @Size(max = 200) String holder,
                           BigDecimal amountSought, @NotBlank String currency) {
}
