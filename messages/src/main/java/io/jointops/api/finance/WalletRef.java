package io.jointops.api.finance;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;

import static io.jointops.api.shared.Identifies.Kind.CRYPTO_WALLET;

/** A crypto wallet: the chain (e.g. {@code BTC}, {@code ETH}, {@code TRX}) and the address on it. */
@NonPersonal
public record WalletRef(String chain, @Identifies(kind = CRYPTO_WALLET) @Personal String address) {
}
