package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A task of the case changed status. */
@Revision("1")
@NonPersonal
public record CaseTaskStatusChangedEvent(
        String caseId,
        String taskId,
        CaseTaskStatus status) {
}
