package io.jointops.intel.command;

import io.jointops.api.intel.EntityType;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form of each entity type, as documented on {@link io.jointops.api.intel.IntelEntity}: what makes two
 * spellings of the same phone number, address or name match across reports and services. Pure.
 */
public final class EntityNormaliser {

    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-/()\\[\\]]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern IMO = Pattern.compile("(?i)imo\\s*(\\d{7})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ETHEREUM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Pattern BECH32 = Pattern.compile("(?i)(bc1|tb1|ltc1)[0-9a-z]{8,87}");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S{8,128}");

    private EntityNormaliser() {
    }

    /**
     * The normal form of {@code value}.
     *
     * @throws IllegalArgumentException with a sentence for the analyst, if the value cannot be an entity of that type
     */
    public static String normalise(EntityType type, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        return switch (type) {
            case PERSON, ORGANISATION, LOCATION -> name(text);
            case VESSEL -> vessel(text);
            case VEHICLE -> vehicle(text);
            case PHONE_NUMBER -> phone(text);
            case EMAIL_ADDRESS -> email(text);
            case URL -> url(text);
            case ONLINE_ACCOUNT -> account(text);
            case CRYPTO_WALLET -> wallet(text);
        };
    }

    /** Names of persons, organisations and places: case-folded, without punctuation, single spaces. */
    public static String name(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String collapsed = WHITESPACE.matcher(PUNCTUATION.matcher(folded).replaceAll("")).replaceAll(" ").strip();
        if (collapsed.isEmpty()) {
            throw new IllegalArgumentException("must contain letters or digits");
        }
        return collapsed;
    }

    private static String vessel(String text) {
        var imo = IMO.matcher(text);
        if (imo.matches()) {
            String digits = imo.group(1);
            int sum = 0;
            for (int i = 0; i < 6; i++) {
                sum += (digits.charAt(i) - '0') * (7 - i);
            }
            if (sum % 10 != digits.charAt(6) - '0') {
                throw new IllegalArgumentException("'" + text + "' is no IMO number: the check digit does not match");
            }
            return "IMO" + digits;
        }
        return name(text);
    }

    private static String vehicle(String text) {
        String plate = text.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        if (plate.isEmpty()) {
            throw new IllegalArgumentException("must contain letters or digits");
        }
        return plate;
    }

    private static String phone(String text) {
        String number = PHONE_SEPARATORS.matcher(text).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!E164.matcher(number).matches()) {
            throw new IllegalArgumentException("'" + text + "' is no international phone number: give the country code, e.g. +86 10 1234 5678");
        }
        return number;
    }

    private static String email(String text) {
        if (!EMAIL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is no e-mail address");
        }
        int at = text.lastIndexOf('@');
        return text.substring(0, at).toLowerCase(Locale.ROOT) + "@" + asciiHost(text.substring(at + 1), text);
    }

    /** A scheme without "//" (mailto:, tel:, data:, ...): a host with a port ("example.com:8080") has digits after ':'. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?!//)(?!\\d)");

    private static String url(String text) {
        if (OTHER_SCHEME.matcher(text).find()) {
            // e.g. mailto:x@example.com: read as https://mailto:x@example.com it would lose its user part
            throw new IllegalArgumentException("'" + text + "' is no http(s) URL");
        }
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' is no http(s) URL");
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + asciiHost(host, text) + (defaultPort ? "" : ":" + port) + path + query;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is no URL: " + e.getReason());
        }
    }

    /** An internationalised host has no {@link URI#getHost()}; its authority still names it. */
    private static String hostOf(String authority) {
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private static String asciiHost(String host, String text) {
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid domain");
        }
    }

    private static String account(String text) {
        String handle = text.toLowerCase(Locale.ROOT);
        int colon = handle.indexOf(':');
        String prefix = colon > 0 ? handle.substring(0, colon + 1) : "";
        String name = colon > 0 ? handle.substring(colon + 1).strip() : handle;
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        if (name.isBlank() || WHITESPACE.matcher(name).find()) {
            throw new IllegalArgumentException("'" + text + "' is no account handle");
        }
        return prefix + name;
    }

    private static String wallet(String text) {
        if (!NO_WHITESPACE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is no wallet address: 8 to 128 characters without spaces");
        }
        if (ETHEREUM.matcher(text).matches() || BECH32.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        return text;
    }
}
