package io.jointops.platform.webhook;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where webhooks may send: {@code https} URLs of public hosts only, so that nobody makes the platform call into its
 * own network (server-side request forgery). Checked on registration (the URL, and a literal address or
 * {@code localhost} in it) and on every delivery (each address the host name resolves to, the one connected to
 * among them: a name that resolves to a private address later is refused then). Loopback addresses only with
 * {@code jointops.webhooks.allow-loopback} (tests, a receiver on the same machine); private, link-local (the cloud's
 * metadata service), unique-local, multicast and unspecified addresses never.
 */
public final class WebhookTargets {

    /** The longest URL accepted. */
    public static final int MAX_URL_LENGTH = 2_000;

    private final boolean allowLoopback;

    public WebhookTargets(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** A URL no webhook may have, and why. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The URL a webhook may be registered with, as given; refused (with the reason) if it is not an absolute
     * {@code https} URL of a host, carries credentials or a fragment, or names a host it may not send to.
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused("must be an https URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new Refused("must be an https URL: deliveries carry what the agency's feed carries");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host (https://host[:port]/path)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials: the deliveries are signed instead");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        String host = host(uri);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            if (!allowLoopback) {
                throw new Refused("must not be this machine (localhost)");
            }
        } else if (isLiteral(host)) {
            if (!host.contains(":") && !host.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
                throw new Refused("has a host that is no address (an IPv4 address has four numbers 0-255): " + host);
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(host); // a literal: parsed, never looked up
            } catch (java.net.UnknownHostException e) {
                throw new Refused("has a host that is no address: " + host);
            }
            String why = refusal(address);
            if (why != null) {
                throw new Refused("must not be " + why + " (" + address.getHostAddress() + ")");
            }
        }
        return uri;
    }

    /** Why a delivery may not connect to {@code address}, or {@code null} if it may. */
    public String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedOrReserved(address)) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet6Address v6 && isMappedOrTranslated(v6)) {
            return "an IPv4-mapped or translated address";
        }
        return null;
    }

    /** The host in lower case, without brackets; an internationalised name in its ASCII form. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Refused("has a host name that is not valid: " + host);
        }
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    /** fc00::/7, IPv6's private addresses. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4. */
    private static boolean isSharedOrReserved(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] a = address.getAddress();
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        return (first == 100 && (second & 0xc0) == 64) || first == 0 || (first == 192 && second == 0 && (a[2] & 0xff) == 0)
                || (first == 198 && (second & 0xfe) == 18) || first >= 240;
    }

    /**
     * ::ffff:0:0/96 (IPv4-mapped, which Java mostly turns into IPv4 itself), 64:ff9b::/96 (NAT64) and ::/96
     * (IPv4-compatible): each hides an IPv4 address, perhaps a private one.
     */
    private static boolean isMappedOrTranslated(Inet6Address address) {
        byte[] a = address.getAddress();
        boolean zeroTo80 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo80 &= a[i] == 0;
        }
        boolean mapped = zeroTo80 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = zeroTo80 && a[10] == 0 && a[11] == 0;
        boolean nat64 = (a[0] & 0xff) == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b;
        return mapped || compatible || nat64;
    }
}
