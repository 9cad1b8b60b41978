package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed case (a supervisor of the lead agency). */
public record ReopenCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String reason,
        CaseActor actor) {
}
