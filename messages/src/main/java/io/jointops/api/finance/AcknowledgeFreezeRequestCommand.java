package io.jointops.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiving agency confirms it has the request and is working on it. */
public record AcknowledgeFreezeRequestCommand(@TargetAggregateIdentifier String requestId, String agency,
                                              Long expectedVersion) {
}
