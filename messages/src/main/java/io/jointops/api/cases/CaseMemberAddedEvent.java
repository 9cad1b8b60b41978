package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** An officer joined the case. */
@Revision("1")
public record CaseMemberAddedEvent(
        String caseId,
        String username,
        String agency,
        CaseRole role) {
}
