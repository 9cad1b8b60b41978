package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event of an item, as auditors read it.
 *
 * @param globalPosition position in the platform-wide event log
 * @param sequence       position in the item's own stream, from 0
 * @param type           event name, e.g. {@code CaseOpenedEvent}
 * @param revision       the stored payload revision
 */
public record HistoryEntry(
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
}
