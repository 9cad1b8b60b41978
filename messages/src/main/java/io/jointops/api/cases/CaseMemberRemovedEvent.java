package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** A member left the case. */
@Revision("1")
public record CaseMemberRemovedEvent(
        String caseId,
        String username,
        String agency) {
}
