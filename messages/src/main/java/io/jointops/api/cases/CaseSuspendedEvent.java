package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The case was put on hold. */
@Revision("1")
@NonPersonal
public record CaseSuspendedEvent(
        String caseId,
        @Personal String reason) {
}
