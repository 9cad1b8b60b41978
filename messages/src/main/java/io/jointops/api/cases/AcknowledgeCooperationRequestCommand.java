package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiving agency confirms it has the request. */
public record AcknowledgeCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        CaseActor actor) {
}
