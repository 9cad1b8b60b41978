package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a case with its closing reason (a supervisor of the lead agency). */
public record CloseCaseCommand(
        @TargetAggregateIdentifier String caseId,
        ClosingReason closingReason,
        String remarks,
        CaseActor actor) {
}
