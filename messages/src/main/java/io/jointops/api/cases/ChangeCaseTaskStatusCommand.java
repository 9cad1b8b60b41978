package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a task of the case to another status. */
public record ChangeCaseTaskStatusCommand(
        @TargetAggregateIdentifier String caseId,
        String taskId,
        CaseTaskStatus status,
        CaseActor actor) {
}
