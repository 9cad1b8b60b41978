package io.jointops.api.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the ordering agency, not the officer who ordered it, approves a rectification: it is carried out. */
public record ApproveRectificationCommand(@TargetAggregateIdentifier String rectificationId, ErasureOfficer officer) {
}
