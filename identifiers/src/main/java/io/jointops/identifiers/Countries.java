package io.jointops.identifiers;

import java.util.Locale;
import java.util.Set;

/**
 * Countries as every service writes them: ISO 3166-1 alpha-2 codes in upper case, checked against the JDK's list of
 * assigned codes (so "XX" or "UK" is refused, not only "N1"). The one check; request records use it through the
 * platform's {@code @Country} constraint, aggregates directly.
 */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isCountry(String code) {
        return code != null && CODES.contains(code);
    }

    /** {@code null} if {@code code} is a country, else what is wrong with it, e.g. for a problem's field. */
    public static String fault(String code) {
        return isCountry(code) ? null : "must be an ISO 3166-1 alpha-2 country code in upper case, such as CN or US";
    }
}
