package io.jointops.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs Keycloak-shaped access tokens with a key made for the test run. */
final class TestTokens {

    private final RSAKey key;
    private String issuer;

    TestTokens() {
        this.key = generate("test-key");
    }

    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAKey key() {
        return key;
    }

    void issuer(String issuer) {
        this.issuer = issuer;
    }

    /** A token as Keycloak issues it to a user of agency NL; each call has a new subject, so a new rate-limit bucket. */
    String forRoles(String... roles) {
        return signed(keycloakClaims(roles));
    }

    String signed(JWTClaimsSet.Builder claims) {
        return sign(key, claims.build());
    }

    JWTClaimsSet.Builder keycloakClaims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of("jointops-api", "account"))
                .subject(UUID.randomUUID().toString())
                .claim("azp", "jointops-web")
                .claim("preferred_username", "test.user")
                .claim("agency", "NL")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
