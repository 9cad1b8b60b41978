package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The requesting agency withdrew the request. */
@Revision("1")
@NonPersonal
public record CooperationRequestWithdrawnEvent(
        String requestId,
        @Personal String reason,
        String withdrawnBy,
        String agency) {
}
