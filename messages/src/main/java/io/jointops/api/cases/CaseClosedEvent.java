package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The case was closed. */
@Revision("1")
@NonPersonal
public record CaseClosedEvent(
        String caseId,
        ClosingReason closingReason,
        @Personal String remarks) {
}
