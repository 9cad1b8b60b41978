package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The response deadline is near and the request is not answered: the receiving agency is reminded. */
@Revision("1")
@NonPersonal
public record CooperationRequestReminderIssuedEvent(
        String requestId,
        String receivingAgency,
        Instant responseDue) {
}
