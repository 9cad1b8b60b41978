package io.jointops.api.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the ordering agency, not the officer who ordered it, approves an erasure order: it is carried out. */
public record ApproveErasureCommand(@TargetAggregateIdentifier String orderId, ErasureOfficer officer) {
}
