package io.jointops.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller, as the token states it. Controllers take it as a parameter; nothing in a request body or
 * header can change the agency.
 */
public record Caller(String userId, String username, String agency, Set<String> roles) {

    public static Caller from(JwtAuthenticationToken authentication) {
        return new Caller(
                authentication.getToken().getSubject(),
                authentication.getToken().getClaimAsString("preferred_username"),
                authentication.getToken().getClaimAsString(KeycloakRoles.AGENCY_CLAIM),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring("ROLE_".length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The agency whose items the caller may read, as the views take it: {@code null} for joint auditors, who read
     * every item; everyone else reads only what their own agency may see.
     */
    public String agencyFilter() {
        return hasRole(KeycloakRoles.AUDITOR) ? null : agency;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
