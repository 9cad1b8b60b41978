package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a task of the case to another status. */
public record ChangeCaseTaskStatusCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String taskId,
        @NotNull CaseTaskStatus status,
        CaseActor actor) {
}
