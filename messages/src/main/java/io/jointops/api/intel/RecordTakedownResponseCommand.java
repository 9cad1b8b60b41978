package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The requesting agency records what the platform did, and when.
 *
 * @param response   ACKNOWLEDGED, REMOVED or REJECTED
 * @param reason     why the platform rejected the request (REJECTED only)
 * @param occurredAt when the platform did it; not before the request was sent
 */
public record RecordTakedownResponseCommand(@TargetAggregateIdentifier String takedownId, @Nullable String agency,
                                            @NotNull TakedownStatus response, @Nullable @Size(max = 2000) String reason, @NotNull Instant occurredAt) {
}
