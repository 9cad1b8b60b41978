package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A task was added to the case. */
@Revision("1")
@NonPersonal
public record CaseTaskAddedEvent(
        String caseId,
        String taskId,
        @Personal String title,
        String assignee,
        LocalDate dueDate) {
}
