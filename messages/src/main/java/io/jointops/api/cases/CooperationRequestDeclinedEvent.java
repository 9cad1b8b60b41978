package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The receiving agency declined the request. */
@Revision("1")
public record CooperationRequestDeclinedEvent(
        String requestId,
        String reason,
        String declinedBy,
        String agency) {
}
