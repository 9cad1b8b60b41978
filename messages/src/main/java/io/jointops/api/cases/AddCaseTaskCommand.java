package io.jointops.api.cases;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a task assigned to a member, due on a date. */
public record AddCaseTaskCommand(
        @TargetAggregateIdentifier String caseId,
        String taskId,
        String title,
        String assignee,
        LocalDate dueDate,
        CaseActor actor) {
}
