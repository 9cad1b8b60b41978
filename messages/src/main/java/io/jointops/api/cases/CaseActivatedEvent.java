package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** Work on the case started, or resumed after a suspension. */
@Revision("1")
public record CaseActivatedEvent(
        String caseId) {
}
