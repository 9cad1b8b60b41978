package io.jointops.finance.command;

import io.jointops.identifiers.Countries;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import io.jointops.identifiers.Identifiers;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The codes of financial intelligence, checked the same way by the aggregates (first fault) and the web layer (every
 * fault): IBAN (ISO 13616: the country's length and the mod-97 check digits), ISO 4217 currencies, ISO 3166-1 alpha-2
 * countries, other account numbers and crypto wallets. Each check answers {@code null} when the value is valid, else
 * the field (relative to the checked object) and what is wrong with it.
 */
public final class FinanceCodes {

    /** A fault of one field; {@code field} is relative to the checked object, e.g. {@code iban}. */
    public record Fault(String field, String detail) {
        public Fault under(String prefix) {
            return new Fault(prefix + "." + field, detail);
        }
    }

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,39}");
    private static final Pattern BANK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,34}");
    private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";
    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** Chains accepted, with the shape of an address on each. */
    private static final Map<String, Pattern> WALLETS = Map.of(
            "BTC", Pattern.compile("(bc1[a-z0-9]{8,87}|BC1[A-Z0-9]{8,87}|[13]" + BASE58 + "{25,34})"),
            "ETH", EVM,
            "BSC", EVM,
            "POLYGON", EVM,
            "TRX", Pattern.compile("T" + BASE58 + "{33}"),
            "LTC", Pattern.compile("(ltc1[a-z0-9]{8,87}|[LM3]" + BASE58 + "{26,33})"),
            "SOL", Pattern.compile(BASE58 + "{32,44}"),
            "XMR", Pattern.compile("[48]" + BASE58 + "{94}"),
            "XRP", Pattern.compile("r" + BASE58 + "{24,34}"));

    /** Chains whose addresses are hexadecimal, so upper and lower case name the same wallet. */
    static final Set<String> CASE_INSENSITIVE_CHAINS = Set.of("ETH", "BSC", "POLYGON");

    private FinanceCodes() {
    }

    /** An IBAN as stored and compared: without spaces, upper case. */
    public static String normalizeIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * {@code null} if {@code iban} (spaces allowed, any case) is a valid IBAN, else what is wrong: the one check of
     * IBANs ({@link Identifiers#ibanFault}, on iban4j's registry).
     */
    public static String ibanFault(String iban) {
        if (iban == null || iban.isBlank()) {
            return "must not be blank when given";
        }
        return Identifiers.ibanFault(normalizeIban(iban));
    }

    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    public static boolean isCountry(String code) {
        return Countries.isCountry(code);
    }

    public static String currencyFault(String code) {
        return isCurrency(code) ? null : "'" + code + "' is not an ISO 4217 currency code such as USD";
    }

    public static String countryFault(String code) {
        return isCountry(code) ? null : "'" + code + "' is not an ISO 3166-1 alpha-2 country code such as CN";
    }

    /** An account: an IBAN, or an account number with bank identifier and country. */
    public static Fault accountFault(AccountRef account) {
        if (account.iban() != null) {
            String fault = ibanFault(account.iban());
            if (fault != null) {
                return new Fault("iban", fault);
            }
            if (account.country() != null && !account.country().equals(normalizeIban(account.iban()).substring(0, 2))) {
                return new Fault("country", "must be the IBAN's country " + normalizeIban(account.iban()).substring(0, 2));
            }
            return null;
        }
        if (account.number() == null || !ACCOUNT_NUMBER.matcher(account.number()).matches()) {
            return new Fault("number", "must be given (up to 40 letters, digits, spaces or dashes) when there is no IBAN");
        }
        if (account.bankId() == null || !BANK_ID.matcher(account.bankId()).matches()) {
            return new Fault("bankId", "must be the bank's identifier (BIC or national bank code) when there is no IBAN");
        }
        String country = countryFault(account.country());
        return country == null ? null : new Fault("country", country);
    }

    /** A wallet: a chain this platform knows and an address of that chain's shape. */
    public static Fault walletFault(WalletRef wallet) {
        if (wallet.chain() == null || !WALLETS.containsKey(wallet.chain())) {
            return new Fault("chain", "must be one of " + WALLETS.keySet().stream().sorted().toList());
        }
        if (wallet.address() == null || !WALLETS.get(wallet.chain()).matcher(wallet.address()).matches()) {
            return new Fault("address", "is not an address of chain " + wallet.chain());
        }
        return null;
    }
}
