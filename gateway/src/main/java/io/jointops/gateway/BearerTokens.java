package io.jointops.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header, by the rules of Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} (RFC 6750: the scheme in any case, one space, b64token characters,
 * trailing {@code =}; a malformed token is refused) but checked in a loop instead of its case-insensitive regular
 * expression, which over a 1.4 KB Keycloak token cost a service 14 % of its CPU under load (docs/performance.md).
 * The services do the same (the platform's BearerTokens).
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                return null;
            }
            String token = token(authorization);
            if (token == null) {
                throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
            }
            return new BearerTokenAuthenticationToken(token);
        });
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
