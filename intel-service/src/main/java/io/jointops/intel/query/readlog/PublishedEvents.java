package io.jointops.intel.query.readlog;

import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.security.Caller;

import java.util.Map;

/**
 * The audit metadata of an event published straight from a request (no command, so the platform's dispatch
 * interceptor does not add it): the platform's one way, {@link AuditMetadata#ofCaller}.
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    public static Map<String, Object> metaData(Caller caller) {
        return AuditMetadata.ofCaller(caller);
    }
}
