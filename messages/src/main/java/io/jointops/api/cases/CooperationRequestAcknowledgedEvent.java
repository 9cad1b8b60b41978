package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The receiving agency confirmed it has the request. */
@Revision("1")
public record CooperationRequestAcknowledgedEvent(
        String requestId,
        String acknowledgedBy,
        String agency) {
}
