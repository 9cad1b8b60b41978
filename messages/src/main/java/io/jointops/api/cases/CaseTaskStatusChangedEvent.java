package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** A task of the case changed status. */
@Revision("1")
public record CaseTaskStatusChangedEvent(
        String caseId,
        String taskId,
        CaseTaskStatus status) {
}
