package io.jointops.platform.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One event of an item as a reader is answered it ({@link EventHistory#entry}): the event as the service reads it
 * today (upcast to the current revision), or what the item's visibility policy shows of it.
 *
 * @param globalPosition position in the platform-wide event log: only for joint auditors and signing systems, absent
 *                       for everyone else (its gaps would tell a reader how much happened elsewhere)
 * @param sequence       position in the item's own stream, from 0
 * @param type           event name, e.g. {@code CaseOpenedEvent}
 * @param revision       the payload's revision as shown (the current one: older stored revisions are upcast)
 * @param correlationId  the id the gateway minted for the request that caused the event
 * @param clientCorrelationId the id the client sent with that request, if any: its own label, not unique
 */
public record HistoryEntry(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Position in the platform-wide event log; only for auditors (role auditor) and "
                + "notary-signer, absent for everyone else", nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        Long globalPosition,
        long sequence,
        String type,
        String revision,
        Instant timestamp,
        String actor,
        String actorId,
        String agency,
        String correlationId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The correlation id the client sent with the request (X-Correlation-Id), kept beside "
                + "the gateway's correlationId; absent if it sent none", nullable = true,
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        String clientCorrelationId,
        String causationId,
        JsonNode payload) {
}
