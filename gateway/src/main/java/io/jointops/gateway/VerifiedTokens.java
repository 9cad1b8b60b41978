package io.jointops.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies each distinct access token once and remembers the result until the token expires.
 * <p>
 * Why: a client sends the same token with every request until it expires, and checking its RSA signature again
 * each time was about a fifth of the gateway's CPU under load (docs/performance.md). Only tokens the decoder
 * accepted are kept, keyed by the whole token (signature included); the size bound keeps a flood of valid tokens
 * from growing the heap. The services do the same for the requests they receive (the platform's VerifiedTokens).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int MAXIMUM_TOKENS = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.verified = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        // an error (a token it refuses) passes through: nothing is kept
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
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
