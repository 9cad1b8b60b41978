package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Removed content is back, at a new URL or the same ({@code url} null): the request is open again. */
public record ReportTakedownReappearanceCommand(@TargetAggregateIdentifier String takedownId, String agency,
                                                String url, Instant seenAt) {
}
