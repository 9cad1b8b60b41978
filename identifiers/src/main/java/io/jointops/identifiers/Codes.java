package io.jointops.identifiers;

import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifiers with check digits or a fixed shape: IBANs, bank accounts, IMO and CAS numbers, flight numbers. */
final class Codes {

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");
    private static final Pattern IBAN_SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9]{1,64}");
    private static final Pattern IMO = Pattern.compile("(?i)imo\\s*(\\d{7})");
    private static final Pattern CAS = Pattern.compile("0*(\\d{2,7})-(\\d{2})-(\\d)");
    private static final Pattern CAS_DIGITS = Pattern.compile("0*(\\d{2,7})(\\d{2})(\\d)");
    /** An airline's IATA designator (two characters, not both digits) or ICAO one (three letters), 1-4 digits, a suffix. */
    private static final Pattern FLIGHT = Pattern.compile(
            "(?i)([A-Z]{3}|[A-Z][A-Z0-9]|[0-9][A-Z])\\s*-?\\s*0*([0-9]{1,4})([A-Z]?)");

    private Codes() {
    }

    /**
     * {@code null} if {@code compact} (no spaces, upper case) is a valid IBAN, else what is wrong with it. The
     * registry's lengths and formats per country are iban4j's, which follows SWIFT's IBAN registry.
     */
    static String ibanFault(String compact) {
        if (!IBAN_SHAPE.matcher(compact).matches()) {
            return "must be a country code, two check digits and up to 30 letters or digits";
        }
        CountryCode country = CountryCode.getByCode(compact.substring(0, 2));
        if (country == null || !IbanUtil.isSupportedCountry(country)) {
            return compact.substring(0, 2) + " does not use IBANs";
        }
        int length = IbanUtil.getIbanLength(country);
        if (compact.length() != length) {
            return "an IBAN of " + compact.substring(0, 2) + " has " + length + " characters, not " + compact.length();
        }
        try {
            IbanUtil.validate(compact);
            return null;
        } catch (InvalidCheckDigitException e) {
            return "check digits do not match (ISO 13616 mod-97)";
        } catch (IbanFormatException e) {
            return "is not laid out as an IBAN of " + compact.substring(0, 2) + " (" + e.getFormatViolation() + ")";
        }
    }

    static String compactIban(String text) {
        return IBAN_SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    static Identifier iban(String exact) {
        String compact = compactIban(exact);
        String fault = ibanFault(compact);
        if (fault != null) {
            throw new InvalidIdentifierException("'" + exact + "' is no IBAN: " + fault);
        }
        return new Identifier(IdentifierKind.IBAN, compact, new Names.Keys().add(MatchRule.EXACT, exact)
                .add(MatchRule.IBAN, compact).list());
    }

    /** A domestic account number: letters and digits only, upper case; one that is an IBAN is matched as one too. */
    static Identifier bankAccount(String exact) {
        String compact = NOT_ALPHANUMERIC.matcher(exact).replaceAll("").toUpperCase(Locale.ROOT);
        if (!ACCOUNT.matcher(compact).matches() || compact.chars().noneMatch(Character::isDigit)) {
            throw new InvalidIdentifierException("'" + exact + "' is no account number: up to 64 letters and digits");
        }
        Names.Keys keys = new Names.Keys().add(MatchRule.EXACT, exact).add(MatchRule.CASE_AND_PUNCTUATION, compact);
        if (ibanFault(compact) == null) {
            keys.add(MatchRule.IBAN, compact);
        }
        return new Identifier(IdentifierKind.BANK_ACCOUNT, compact, keys.list());
    }

    /** {@code IMO} and its 7 digits, check digit verified; any other vessel identifier is a name. */
    static Identifier vessel(String exact) {
        Matcher imo = IMO.matcher(exact);
        if (!imo.matches()) {
            return Names.name(IdentifierKind.VESSEL, exact);
        }
        String digits = imo.group(1);
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        if (sum % 10 != digits.charAt(6) - '0') {
            throw new InvalidIdentifierException("'" + exact + "' is no IMO number: the check digit does not match");
        }
        String canonical = "IMO" + digits;
        return new Identifier(IdentifierKind.VESSEL, canonical,
                new Names.Keys().add(MatchRule.EXACT, exact).add(MatchRule.IMO, canonical).list());
    }

    /** A CAS registry number, {@code 50-00-0} or {@code 50000}, check digit verified, leading zeros dropped. */
    static Identifier cas(String exact) {
        String text = exact.replaceAll("\\s+", "");
        Matcher cas = CAS.matcher(text);
        if (!cas.matches()) {
            cas = CAS_DIGITS.matcher(text);
            if (!cas.matches()) {
                throw new InvalidIdentifierException("'" + exact + "' is no CAS registry number: 2-7 digits, 2 digits "
                        + "and a check digit, e.g. 79-10-7");
            }
        }
        String digits = cas.group(1) + cas.group(2);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
        }
        if (sum % 10 != cas.group(3).charAt(0) - '0') {
            throw new InvalidIdentifierException("'" + exact + "' is no CAS registry number: the check digit does not match");
        }
        String canonical = cas.group(1) + "-" + cas.group(2) + "-" + cas.group(3);
        return new Identifier(IdentifierKind.CAS_NUMBER, canonical,
                new Names.Keys().add(MatchRule.EXACT, exact).add(MatchRule.CAS, canonical).list());
    }

    /** An airline designator and the flight's number, upper case, leading zeros dropped: {@code ca 0981} is {@code CA981}. */
    static Identifier flight(String exact) {
        Matcher flight = FLIGHT.matcher(exact);
        if (!flight.matches()) {
            throw new InvalidIdentifierException("'" + exact + "' is no flight number: an airline code and 1 to 4 "
                    + "digits, e.g. CA 981");
        }
        String canonical = (flight.group(1) + flight.group(2) + flight.group(3)).toUpperCase(Locale.ROOT);
        return new Identifier(IdentifierKind.FLIGHT_NUMBER, canonical,
                new Names.Keys().add(MatchRule.EXACT, exact).add(MatchRule.FLIGHT_NUMBER, canonical).list());
    }
}
