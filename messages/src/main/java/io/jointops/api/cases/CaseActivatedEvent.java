package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** Work on the case started, or resumed after a suspension. */
@Revision("1")
@NonPersonal
public record CaseActivatedEvent(
        String caseId) {
}
