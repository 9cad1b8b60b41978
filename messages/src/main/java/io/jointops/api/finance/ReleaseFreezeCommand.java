package io.jointops.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseFreezeCommand(@TargetAggregateIdentifier String requestId, String agency, String reason,
                                   Long expectedVersion) {
}
