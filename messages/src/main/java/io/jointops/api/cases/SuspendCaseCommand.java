package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an active case on hold (a supervisor of the lead agency). */
public record SuspendCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String reason,
        CaseActor actor) {
}
