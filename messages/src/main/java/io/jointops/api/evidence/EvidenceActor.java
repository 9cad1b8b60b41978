package io.jointops.api.evidence;

import java.util.Set;

/** Who sends an evidence command, from the token: the item's aggregate decides whether that caller may. */
public record EvidenceActor(String userId, String username, String agency, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }
}
