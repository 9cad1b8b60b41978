package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The receiving agency declined the request. */
@Revision("1")
@NonPersonal
public record CooperationRequestDeclinedEvent(
        String requestId,
        @Personal String reason,
        String declinedBy,
        String agency) {
}
