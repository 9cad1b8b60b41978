package io.jointops.identifiers;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifiers whose canonical form is the text with what their format ignores folded away: e-mail addresses, URLs,
 * online accounts, crypto wallets, vehicle plates. They match exactly or by that form ({@code case-and-punctuation}).
 */
final class Addresses {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ETHEREUM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Pattern BECH32 = Pattern.compile("(?i)(bc1|tb1|ltc1)[0-9a-z]{8,87}");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S{8,128}");
    /** A scheme without "//" (mailto:, tel:, data:, ...): a host with a port ("example.com:8080") has digits after ':'. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?!//)(?!\\d)");

    private Addresses() {
    }

    private static Identifier of(IdentifierKind kind, String exact, String canonical) {
        return new Identifier(kind, canonical, new Names.Keys().add(MatchRule.EXACT, exact)
                .add(MatchRule.CASE_AND_PUNCTUATION, canonical).list());
    }

    /** The local part lower-cased (no mail system in use tells case apart), the domain in ASCII (IDNA). */
    static Identifier email(String exact) {
        if (!EMAIL.matcher(exact).matches()) {
            throw new InvalidIdentifierException("'" + exact + "' is no e-mail address");
        }
        int at = exact.lastIndexOf('@');
        return of(IdentifierKind.EMAIL_ADDRESS, exact,
                exact.substring(0, at).toLowerCase(Locale.ROOT) + "@" + asciiHost(exact.substring(at + 1), exact));
    }

    /**
     * Scheme and host lower-cased (host in ASCII), default port and fragment dropped, {@code https://} assumed when no
     * scheme is given, an empty path written as {@code /}; path and query kept as written.
     */
    static Identifier url(String exact) {
        if (OTHER_SCHEME.matcher(exact).find()) {
            // e.g. mailto:x@example.com: read as https://mailto:x@example.com it would lose its user part
            throw new InvalidIdentifierException("'" + exact + "' is no http(s) URL");
        }
        String withScheme = exact.contains("://") ? exact : "https://" + exact;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) {
                throw new InvalidIdentifierException("'" + exact + "' is no http(s) URL");
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return of(IdentifierKind.URL, exact,
                    scheme + "://" + asciiHost(host, exact) + (defaultPort ? "" : ":" + port) + path + query);
        } catch (URISyntaxException e) {
            throw new InvalidIdentifierException("'" + exact + "' is no URL: " + e.getReason());
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
            throw new InvalidIdentifierException("'" + text + "' has no valid domain");
        }
    }

    /** Lower-cased, a leading {@code @} dropped; {@code platform:handle} keeps its prefix. */
    static Identifier onlineAccount(String exact) {
        String handle = exact.toLowerCase(Locale.ROOT);
        int colon = handle.indexOf(':');
        String prefix = colon > 0 ? handle.substring(0, colon + 1) : "";
        String name = colon > 0 ? handle.substring(colon + 1).strip() : handle;
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        if (name.isBlank() || WHITESPACE.matcher(name).find()) {
            throw new InvalidIdentifierException("'" + exact + "' is no account handle");
        }
        return of(IdentifierKind.ONLINE_ACCOUNT, exact, prefix + name);
    }

    /**
     * Lower-cased where the chain ignores case (Ethereum {@code 0x} hex, bech32 {@code bc1}/{@code ltc1}/{@code tb1});
     * kept as written otherwise (base58 addresses are case-sensitive).
     */
    static Identifier wallet(String exact) {
        if (!NO_WHITESPACE.matcher(exact).matches()) {
            throw new InvalidIdentifierException("'" + exact + "' is no wallet address: 8 to 128 characters without spaces");
        }
        boolean caseless = ETHEREUM.matcher(exact).matches() || BECH32.matcher(exact).matches();
        return of(IdentifierKind.CRYPTO_WALLET, exact, caseless ? exact.toLowerCase(Locale.ROOT) : exact);
    }

    /** Letters and digits only, upper case: {@code ab-123 cd} is {@code AB123CD}. */
    static Identifier vehicle(String exact) {
        String plate = exact.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        if (plate.isEmpty()) {
            throw new InvalidIdentifierException("must contain letters or digits");
        }
        return of(IdentifierKind.VEHICLE, exact, plate);
    }
}
