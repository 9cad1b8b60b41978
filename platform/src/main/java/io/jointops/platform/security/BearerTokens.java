package io.jointops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, by the rules of Spring Security's
 * {@code DefaultBearerTokenResolver} (RFC 6750: the scheme in any case, one space, b64token characters, trailing
 * {@code =}; a malformed token is refused, not ignored) but checked in a loop: its case-insensitive regular expression
 * over a 1.4 KB Keycloak token was 14 % of a service's CPU under load (docs/performance.md). Tokens are taken from
 * the header only, as with the default resolver's defaults.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = token(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }

    /** The token of a header {@code Bearer <b64token>}, or null if it is not one. */
    static String token(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int end = authorization.length();
        while (end > start && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (!b64tokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(start);
    }

    private static final boolean[] B64TOKEN = new boolean[128];

    static {
        for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/".toCharArray()) {
            B64TOKEN[c] = true;
        }
    }

    private static boolean b64tokenCharacter(char c) {
        return c < 128 && B64TOKEN[c];
    }
}
