package io.jointops.api.cases;

import java.time.LocalDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a task assigned to a member, due on a date. */
public record AddCaseTaskCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String taskId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank String assignee,
        @NotNull LocalDate dueDate,
        CaseActor actor) {
}
