package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** An officer joined the case. */
@Revision("1")
@NonPersonal
public record CaseMemberAddedEvent(
        String caseId,
        @NonPersonal String username,
        String agency,
        CaseRole role) {
}
