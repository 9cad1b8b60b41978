package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiving agency confirms it has the request and is working on it. */
public record AcknowledgeFreezeRequestCommand(@TargetAggregateIdentifier String requestId, @Nullable String agency,
                                              Long expectedVersion) {
}
