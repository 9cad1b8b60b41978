package io.jointops.intel.query.readlog;

import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.security.Caller;

import java.util.HashMap;
import java.util.Map;

/**
 * The audit metadata of an event published straight from a request (no command, so the platform's dispatch
 * interceptor does not add it): who, which agency, which roles, the request's correlation ids.
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    public static Map<String, Object> metaData(Caller caller) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditMetadata.ACTOR_ID, caller.userId());
        metaData.put(AuditMetadata.ACTOR, caller.username());
        metaData.put(AuditMetadata.AGENCY, caller.agency());
        metaData.put(AuditMetadata.ROLES, String.join(",", caller.roles().stream().sorted().toList()));
        metaData.putAll(AuditMetadata.ofRequest());
        metaData.values().removeIf(java.util.Objects::isNull);
        return metaData;
    }
}
