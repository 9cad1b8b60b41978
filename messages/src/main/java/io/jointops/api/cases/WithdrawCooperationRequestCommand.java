package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requesting agency withdraws its request. */
public record WithdrawCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        String reason,
        CaseActor actor) {
}
