package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;

import java.math.BigInteger;
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

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    /** IBAN length per country, from the ISO 13616 registry (SWIFT, 2024). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");
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

    /** {@code null} if {@code iban} (spaces allowed, any case) is a valid IBAN, else what is wrong. */
    public static String ibanFault(String iban) {
        if (iban == null || iban.isBlank()) {
            return "must be given";
        }
        String compact = normalizeIban(iban);
        if (!IBAN_SHAPE.matcher(compact).matches()) {
            return "must be a country code, two check digits and up to 30 letters or digits";
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null) {
            return compact.substring(0, 2) + " does not use IBANs";
        }
        if (compact.length() != length) {
            return "an IBAN of " + compact.substring(0, 2) + " has " + length + " characters, not " + compact.length();
        }
        if (mod97(compact) != 1) {
            return "check digits do not match (ISO 13616 mod-97)";
        }
        return null;
    }

    /** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10..35. */
    static int mod97(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
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
