package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** A closed case was reopened; it is active again. */
@Revision("1")
public record CaseReopenedEvent(
        String caseId,
        String reason) {
}
