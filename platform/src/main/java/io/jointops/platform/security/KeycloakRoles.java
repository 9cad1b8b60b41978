package io.jointops.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Keycloak puts realm roles under {@code realm_access.roles}; Spring wants {@code ROLE_} authorities. */
public final class KeycloakRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String AGENCY_CLAIM = "agency";

    public static final String INVESTIGATOR = "investigator";
    public static final String ANALYST = "analyst";
    public static final String FINANCE_OFFICER = "finance-officer";
    public static final String CHEMICAL_OFFICER = "chemical-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** An agency's signing system: co-signs the audit log's checkpoints, reads no content. */
    public static final String NOTARY_SIGNER = "notary-signer";
    /** An agency's partner system: reads the partner feed of its agency's items, nothing else. */
    public static final String FEED_READER = "feed-reader";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getClaimAsString("preferred_username"));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
