package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;

import java.util.Locale;

/**
 * Entity resolution of the money-flow graph: one node per normalised account or wallet, whichever report names it.
 * IBANs without spaces in upper case; other accounts by country, bank identifier and number (upper case, without
 * spaces and dashes); wallets by chain and address, the address lower-cased where the chain ignores case.
 */
public final class MoneyNodes {

    private MoneyNodes() {
    }

    /** The node of a valid account. */
    public static String account(AccountRef account) {
        if (account.iban() != null) {
            return "IBAN:" + FinanceCodes.normalizeIban(account.iban());
        }
        return "ACCT:" + account.country() + ":" + compact(account.bankId()) + ":" + compact(account.number());
    }

    /** The node of a valid wallet. */
    public static String wallet(WalletRef wallet) {
        String address = wallet.address();
        if (FinanceCodes.CASE_INSENSITIVE_CHAINS.contains(wallet.chain())
                || (wallet.chain().equals("BTC") && address.toLowerCase(Locale.ROOT).startsWith("bc1"))) {
            address = address.toLowerCase(Locale.ROOT);
        }
        return "WALLET:" + wallet.chain() + ":" + address;
    }

    /** The country of a valid account ({@code null} for a wallet: a chain has none). */
    public static String country(AccountRef account) {
        return account.iban() != null ? FinanceCodes.normalizeIban(account.iban()).substring(0, 2) : account.country();
    }

    private static String compact(String value) {
        return value.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
