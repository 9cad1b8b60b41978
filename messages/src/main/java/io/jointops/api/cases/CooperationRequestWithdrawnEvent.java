package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The requesting agency withdrew the request. */
@Revision("1")
public record CooperationRequestWithdrawnEvent(
        String requestId,
        String reason,
        String withdrawnBy,
        String agency) {
}
