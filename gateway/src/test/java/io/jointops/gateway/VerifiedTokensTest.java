package io.jointops.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    final List<String> verifications = new ArrayList<>();

    /** Accepts tokens named "valid-<seconds until expiry>", refuses anything else. */
    final ReactiveJwtDecoder signatureCheck = token -> Mono.defer(() -> {
        verifications.add(token);
        if (!token.startsWith("valid-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        long lifetime = Long.parseLong(token.substring("valid-".length()));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").claim("agency", "CN-NNCC")
                .expiresAt(Instant.now().plusSeconds(lifetime)).build());
    });

    final VerifiedTokens tokens = new VerifiedTokens(signatureCheck, Clock.systemUTC());

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        Jwt first = tokens.decode("valid-300").block();
        Jwt again = tokens.decode("valid-300").block();

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("valid-300");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenIsVerifiedAgain() throws InterruptedException {
        tokens.decode("valid-1").block();
        Thread.sleep(1_200);
        tokens.decode("valid-1").block();

        assertThat(verifications).containsExactly("valid-1", "valid-1");
    }
}
