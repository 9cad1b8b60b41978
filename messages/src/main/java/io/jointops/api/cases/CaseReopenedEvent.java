package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** A closed case was reopened; it is active again. */
@Revision("1")
@NonPersonal
public record CaseReopenedEvent(
        String caseId,
        @Personal String reason) {
}
