package io.jointops.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    final List<String> verifications = new ArrayList<>();

    /** Accepts tokens named "valid-<seconds until expiry>" or "valid-forever", refuses anything else. */
    final JwtDecoder signatureCheck = token -> {
        verifications.add(token);
        if (!token.startsWith("valid-")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").claim("agency", "CN-NNCC");
        String lifetime = token.substring("valid-".length());
        if (!lifetime.equals("forever")) {
            jwt.expiresAt(Instant.now().plusSeconds(Long.parseLong(lifetime)));
        }
        return jwt.build();
    };

    final VerifiedTokens tokens = new VerifiedTokens(signatureCheck, Clock.systemUTC());

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        Jwt first = tokens.decode("valid-300");
        Jwt again = tokens.decode("valid-300");

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("valid-300");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenIsVerifiedAgain() throws InterruptedException {
        tokens.decode("valid-1");
        Thread.sleep(1_200);
        tokens.decode("valid-1");

        assertThat(verifications).containsExactly("valid-1", "valid-1");
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        tokens.decode("valid-forever");
        tokens.decode("valid-forever");

        assertThat(verifications).hasSize(2);
    }
}
