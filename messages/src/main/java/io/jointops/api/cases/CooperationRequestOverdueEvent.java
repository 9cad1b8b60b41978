package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The response deadline passed without a full answer. */
@Revision("1")
@NonPersonal
public record CooperationRequestOverdueEvent(
        String requestId,
        String receivingAgency,
        Instant responseDue) {
}
