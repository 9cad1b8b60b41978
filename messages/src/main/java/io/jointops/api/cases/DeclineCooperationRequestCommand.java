package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiving agency declines the request, with its reason. */
public record DeclineCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        String reason,
        CaseActor actor) {
}
