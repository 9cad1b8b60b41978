package io.jointops.api.finance;

/** A crypto wallet: the chain (e.g. {@code BTC}, {@code ETH}, {@code TRX}) and the address on it. */
public record WalletRef(String chain, String address) {
}
