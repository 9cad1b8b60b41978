package io.jointops.platform.test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JWTs shaped like the jointops realm's, for MockMvc tests of one service (the end-to-end tests use real Keycloak
 * tokens). Same claims the platform reads: sub, preferred_username, agency, realm_access.roles.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static JwtRequestPostProcessor user(String username, String agency, String... roles) {
        String subject = UUID.nameUUIDFromBytes(username.getBytes()).toString();
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> jwt.subject(subject)
                        .claim("preferred_username", username)
                        .claim("agency", agency)
                        .claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(Arrays.stream(roles).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
