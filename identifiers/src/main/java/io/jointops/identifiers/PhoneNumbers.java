package io.jointops.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;

/** Phone numbers in E.164, by Google's libphonenumber (its metadata of every country's numbering plan). */
final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param country where the number is dialled from, ISO 3166-1 alpha-2, for a number written without its country
     *                code; a number that starts with + (or 00 when no country is given) carries its own
     */
    static Identifier phone(String exact, String country) {
        String region = region(country);
        String text = exact;
        if (region == null) {
            if (text.startsWith("00")) {
                text = "+" + text.substring(2);
            }
            if (!text.startsWith("+")) {
                throw new InvalidIdentifierException("'" + exact + "' is no international phone number: give the "
                        + "country code (e.g. +86 10 1234 5678) or the country the number is dialled in");
            }
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(text, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException("'" + exact + "' " + switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "has no valid country code";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short for a phone number";
                case TOO_LONG -> "is too long for a phone number";
                case NOT_A_NUMBER -> "is no phone number";
            });
        }
        PhoneNumberUtil.ValidationResult possible = PHONES.isPossibleNumberWithReason(number);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                && possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
            throw new InvalidIdentifierException("'" + exact + "' cannot be a phone number of "
                    + PHONES.getRegionCodeForCountryCode(number.getCountryCode()) + " (+" + number.getCountryCode()
                    + "): " + switch (possible) {
                case TOO_SHORT -> "too short";
                case TOO_LONG -> "too long";
                case INVALID_COUNTRY_CODE -> "no such country code";
                default -> "no number of that length exists there";
            });
        }
        if (possible == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
            throw new InvalidIdentifierException("'" + exact + "' lacks its area code");
        }
        String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        // the same national digits are another number in another country: as written, they name it with the country
        String written = region == null || exact.startsWith("+") ? exact : region + " " + exact;
        return new Identifier(IdentifierKind.PHONE_NUMBER, e164,
                new Names.Keys().add(MatchRule.EXACT, written).add(MatchRule.E164, e164).list());
    }

    private static String region(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String region = country.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(region)) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.COUNTRY, "'" + country
                    + "' is no country with a numbering plan: give its ISO 3166-1 alpha-2 code, e.g. US or CN");
        }
        return region;
    }
}
