package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts work on an opened case, or resumes a suspended one. */
public record ActivateCaseCommand(
        @TargetAggregateIdentifier String caseId,
        CaseActor actor) {
}
