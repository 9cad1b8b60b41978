package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The case was closed. */
@Revision("1")
public record CaseClosedEvent(
        String caseId,
        ClosingReason closingReason,
        String remarks) {
}
