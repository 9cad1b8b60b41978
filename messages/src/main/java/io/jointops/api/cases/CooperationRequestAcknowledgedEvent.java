package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** The receiving agency confirmed it has the request. */
@Revision("1")
@NonPersonal
public record CooperationRequestAcknowledgedEvent(
        String requestId,
        String acknowledgedBy,
        String agency) {
}
