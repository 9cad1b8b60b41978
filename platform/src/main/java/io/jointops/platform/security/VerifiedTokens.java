package io.jointops.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies each distinct access token once and remembers the result until the token expires.
 * <p>
 * Why: a client sends the same token with every request until it expires, and checking its RSA signature again
 * each time was about 15 % of a service's CPU under load (docs/performance.md). Only tokens the decoder accepted are
 * kept, keyed by the whole token (signature included), so an altered or forged token is never served from here; the
 * size bound keeps a flood of valid tokens from growing the heap.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int MAXIMUM_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token); // throws for a token it refuses: nothing is kept
        verified.put(token, jwt);
        return jwt;
    }

    /** A token without an expiry is not kept: it is verified on every request. */
    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
