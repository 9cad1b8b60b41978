package io.jointops.api.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A task was added to the case. */
@Revision("1")
public record CaseTaskAddedEvent(
        String caseId,
        String taskId,
        String title,
        String assignee,
        LocalDate dueDate) {
}
