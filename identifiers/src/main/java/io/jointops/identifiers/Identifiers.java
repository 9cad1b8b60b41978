package io.jointops.identifiers;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one normalisation of identifiers: every service that stores, searches or compares an identifier goes through
 * {@link #of}. Each value is first put in Unicode NFKC (full-width letters and digits become ASCII, compatibility
 * characters their plain form), trimmed and its whitespace runs collapsed: that is its {@code exact} key. Then each
 * kind adds its canonical form and keys:
 * <ul>
 * <li>names of persons, organisations, places and ships: case and punctuation folded ({@code case-and-punctuation});
 *     in Latin letters, also accents, tone marks, spaces and hyphens ignored ({@code latin-letters}) and, for
 *     persons, either end's part moved to the other end ({@code reversed-order}); in Chinese characters, their
 *     pinyin ({@code pinyin}) and, for persons, given name first ({@code pinyin-reversed-order});</li>
 * <li>phone numbers: E.164 by libphonenumber ({@code e164}), read in the given country when written without +;</li>
 * <li>IBANs: without spaces, upper case, length and mod-97 check digits verified ({@code iban}); bank account
 *     numbers: letters and digits, upper case, and as an IBAN if they are one;</li>
 * <li>IMO numbers ({@code imo}), CAS registry numbers ({@code cas}), flight numbers ({@code flight-number});</li>
 * <li>e-mail addresses, URLs, online accounts, wallets, vehicle plates: their format's canonical text.</li>
 * </ul>
 * Pure and deterministic: the same value gives the same identifier on every machine and in every release until a
 * rule changes (then stored keys are recomputed, see docs/ARCHITECTURE.md, "Matching identifiers").
 */
public final class Identifiers {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Identifiers() {
    }

    /**
     * {@code null} if {@code compact} (upper case, no spaces) is a valid IBAN, else what is wrong with it: the one
     * check of IBANs, also for the services that validate an account before it becomes an identifier.
     */
    public static String ibanFault(String compact) {
        return Codes.ibanFault(compact);
    }

    /** As {@link #of(IdentifierKind, String, String)} without a country. */
    public static Identifier of(IdentifierKind kind, String value) {
        return of(kind, value, null);
    }

    /**
     * The identifier {@code value} names.
     *
     * @param country ISO 3166-1 alpha-2 code of the country a phone number is dialled in, for a number written
     *                without its country code; null if none was given (such a number is refused). Other kinds
     *                ignore it.
     * @throws InvalidIdentifierException with a sentence for the person who wrote it, if the value cannot be an
     *                                    identifier of that kind or the country is unknown
     */
    public static Identifier of(IdentifierKind kind, String value, String country) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentifierException("must not be blank");
        }
        String exact = WHITESPACE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll(" ").strip();
        if (exact.isEmpty()) {
            throw new InvalidIdentifierException("must not be blank");
        }
        return switch (kind) {
            case PERSON_NAME, ORGANISATION_NAME, LOCATION_NAME -> Names.name(kind, exact);
            case VESSEL -> Codes.vessel(exact);
            case PHONE_NUMBER -> PhoneNumbers.phone(exact, country);
            case EMAIL_ADDRESS -> Addresses.email(exact);
            case URL -> Addresses.url(exact);
            case ONLINE_ACCOUNT -> Addresses.onlineAccount(exact);
            case CRYPTO_WALLET -> Addresses.wallet(exact);
            case VEHICLE -> Addresses.vehicle(exact);
            case IBAN -> Codes.iban(exact);
            case BANK_ACCOUNT -> Codes.bankAccount(exact);
            case FLIGHT_NUMBER -> Codes.flight(exact);
            case CAS_NUMBER -> Codes.cas(exact);
        };
    }
}
