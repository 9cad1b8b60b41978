package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The case was put on hold. */
@Revision("1")
public record CaseSuspendedEvent(
        String caseId,
        String reason) {
}
