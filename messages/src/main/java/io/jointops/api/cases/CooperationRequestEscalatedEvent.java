package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Still unanswered after the deadline: escalated to the receiving agency's supervisors.
 *
 * @param escalatedToRole the realm role of the officers it is escalated to
 */
@Revision("1")
@NonPersonal
public record CooperationRequestEscalatedEvent(
        String requestId,
        String receivingAgency,
        String escalatedToRole,
        Instant responseDue) {
}
