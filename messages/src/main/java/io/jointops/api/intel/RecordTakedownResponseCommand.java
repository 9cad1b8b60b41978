package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The requesting agency records what the platform did, and when.
 *
 * @param response   ACKNOWLEDGED, REMOVED or REJECTED
 * @param reason     why the platform rejected the request (REJECTED only)
 * @param occurredAt when the platform did it; not before the request was sent
 */
public record RecordTakedownResponseCommand(@TargetAggregateIdentifier String takedownId, String agency,
                                            TakedownStatus response, String reason, Instant occurredAt) {
}
