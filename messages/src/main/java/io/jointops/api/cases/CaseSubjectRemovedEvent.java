package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A subject was taken off the case. */
@Revision("1")
@NonPersonal
public record CaseSubjectRemovedEvent(
        String caseId,
        String subjectId) {
}
