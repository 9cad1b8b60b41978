package io.jointops.platform.audit;

import io.jointops.platform.security.Caller;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Metadata keys every command and event carries, so history can say who did what, for which agency, in which request. */
public final class AuditMetadata {

    /** Keycloak user id (the token's {@code sub}). */
    public static final String ACTOR_ID = "actorId";
    /** Human-readable user name ({@code preferred_username}). */
    public static final String ACTOR = "actor";
    public static final String AGENCY = "agency";
    /** Comma-separated realm roles of the actor at the time. */
    public static final String ROLES = "roles";
    /**
     * The HTTP request's {@code X-Correlation-Id}, minted by the gateway for every request (never the client's), so
     * it names exactly what that one request caused.
     */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The correlation id the client sent, if any ({@code X-Client-Correlation-Id} from the gateway): the client's
     * own label, kept for finding its requests, not unique and never trusted as the request's id.
     */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";
    /** Identifier of the message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The id of the first message of the chain. */
    public static final String TRACE_ID = "traceId";

    /** Keys copied from a message to every message its handling produces. */
    static final List<String> PROPAGATED = List.of(ACTOR_ID, ACTOR, AGENCY, ROLES, CORRELATION_ID, CLIENT_CORRELATION_ID,
            TRACE_ID);

    /** MDC key under which the current request's correlation id is logged. */
    public static final String MDC_CORRELATION_ID = "correlationId";
    /** MDC key under which the client's correlation id, if it sent one, is logged. */
    public static final String MDC_CLIENT_CORRELATION_ID = "clientCorrelationId";

    private AuditMetadata() {
    }

    /**
     * The correlation ids of the request being served on this thread, as the web layer's filter put them into the
     * MDC: the gateway's and, if the client sent one, the client's. Empty outside a request.
     */
    public static Map<String, Object> ofRequest() {
        String correlationId = MDC.get(MDC_CORRELATION_ID);
        if (correlationId == null) {
            return Map.of();
        }
        String clientCorrelationId = MDC.get(MDC_CLIENT_CORRELATION_ID);
        return clientCorrelationId == null ? Map.of(CORRELATION_ID, correlationId)
                : Map.of(CORRELATION_ID, correlationId, CLIENT_CORRELATION_ID, clientCorrelationId);
    }

    public static String actor(MetaData metaData) {
        return (String) metaData.get(ACTOR);
    }

    public static String agency(MetaData metaData) {
        return (String) metaData.get(AGENCY);
    }

    /**
     * The audit metadata of an event published straight from a request (no command, so the dispatch interceptor does
     * not add it): who, which agency, which roles, the request's correlation ids.
     */
    public static Map<String, Object> ofCaller(Caller caller) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ACTOR_ID, caller.userId());
        metaData.put(ACTOR, caller.username());
        metaData.put(AGENCY, caller.agency());
        metaData.put(ROLES, String.join(",", caller.roles().stream().sorted().toList()));
        metaData.putAll(ofRequest());
        metaData.values().removeIf(Objects::isNull);
        return metaData;
    }
}
