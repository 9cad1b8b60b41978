package io.jointops.platform.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as the global audit query answers it, as stored (its stored revision and payload, not upcast:
 * auditors read what the log holds): the shape of {@link HistoryEntry}, always with the global position, plus the
 * item it belongs to.
 *
 * @param itemId   the item (aggregate) id
 * @param itemType the item's type as stored, e.g. {@code JointCase}, {@code IntelReport}
 */
public record AuditEntry(
        String itemId,
        String itemType,
        long globalPosition,
        long sequence,
        String type,
        String revision,
        Instant timestamp,
        String actor,
        String actorId,
        String agency,
        String correlationId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String clientCorrelationId,
        String causationId,
        JsonNode payload) {
}
