package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as the global audit query answers it: the shape of {@link HistoryEntry}, plus the item it belongs
 * to.
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
        String causationId,
        JsonNode payload) {

    static AuditEntry of(String itemId, String itemType, HistoryEntry entry) {
        return new AuditEntry(itemId, itemType, entry.globalPosition(), entry.sequence(), entry.type(),
                entry.revision(), entry.timestamp(), entry.actor(), entry.actorId(), entry.agency(),
                entry.correlationId(), entry.causationId(), entry.payload());
    }
}
