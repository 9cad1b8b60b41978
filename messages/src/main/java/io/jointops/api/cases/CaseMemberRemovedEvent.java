package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A member left the case. */
@Revision("1")
@NonPersonal
public record CaseMemberRemovedEvent(
        String caseId,
        @NonPersonal String username,
        String agency) {
}
