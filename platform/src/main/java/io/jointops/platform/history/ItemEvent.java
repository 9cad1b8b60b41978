package io.jointops.platform.history;

import java.time.Instant;

/**
 * One event of an item as the service reads it today: the stored payload upcast to the current revision and
 * deserialized (an event record of {@code io.jointops.api}), with its place in the item's stream and its audit
 * metadata. Visibility policies decide on these, by the payload's type and fields, never on event names or JSON.
 *
 * @param globalPosition the event's position in the platform-wide log: for ordering, and shown to auditors only
 *                       ({@link EventHistory#entry})
 * @param sequence       position in the item's own stream, from 0
 * @param payload        the event record; an {@code UnknownSerializedType} if this service cannot read the type
 * @param agency         the acting agency (audit metadata), or {@code null}
 * @param clientCorrelationId the correlation id the client sent with the request, or {@code null}
 */
public record ItemEvent(
        long globalPosition,
        long sequence,
        Instant timestamp,
        Object payload,
        String actor,
        String actorId,
        String agency,
        String correlationId,
        String clientCorrelationId,
        String causationId) {
}
