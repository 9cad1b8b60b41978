package io.jointops.gateway;

/**
 * The characters Spring Security's strict firewall allows in header names and values (assigned code points, no
 * controls; a value may hold tabs), checked in a loop: its regular expressions over a 1.4 KB bearer token cost a
 * service 5 % of its CPU under load (docs/performance.md).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** A missing value (a header the response has not set yet) is allowed, as by the firewall's own check. */
    static boolean allowedValue(String value) {
        return value == null || allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        // printable ASCII is always allowed: a bearer token is checked at a char's cost, several times a request
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return allowedFrom(text, i, tabs);
            }
        }
        return true;
    }

    private static boolean allowedFrom(String text, int from, boolean tabs) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isDefined(c) || Character.isISOControl(c) && !(tabs && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
