package io.jointops.api.shared;

import java.util.regex.Pattern;

/** Agency codes: an ISO 3166-1 alpha-2 country (or JOINT) and the agency's short name, e.g. {@code US-DEA}. */
public final class Agencies {

    public static final String PATTERN = "^(?:[A-Z]{2}|JOINT)-[A-Z0-9]{2,16}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Agencies() {
    }

    public static boolean isValid(String agency) {
        return agency != null && COMPILED.matcher(agency).matches();
    }
}
