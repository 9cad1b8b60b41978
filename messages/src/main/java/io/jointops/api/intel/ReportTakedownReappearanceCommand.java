package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Removed content is back, at a new URL or the same ({@code url} null): the request is open again.
 *
 * @param occurredAt when it was seen again, named as the request names it
 */
public record ReportTakedownReappearanceCommand(@TargetAggregateIdentifier String takedownId, @Nullable String agency,
                                                @Nullable @Size(max = 2000) String url, @NotNull Instant occurredAt) {
}
