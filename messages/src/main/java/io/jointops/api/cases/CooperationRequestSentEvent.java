package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An agency asked another for help. */
@Revision("1")
@NonPersonal
public record CooperationRequestSentEvent(
        String requestId,
        String caseId,
        String requestingAgency,
        String receivingAgency,
        CooperationRequestType type,
        LegalBasis legalBasis,
        RequestPriority priority,
        @Personal String question,
        List<SharedItemRef> attachments,
        Instant responseDue,
        Instant remindAt,
        Instant escalateAt,
        String sentBy) {
}
