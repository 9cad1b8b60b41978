package io.jointops.cases.query.cooperation;

import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A cooperation request as its requesting and receiving agencies see it.
 *
 * @param responseDue when the answer is due (from the response-time policy for the type and priority)
 * @param remindAt    when the receiving agency is (or was) reminded, or null
 * @param escalateAt  when an unanswered request is escalated to the receiving agency's supervisors
 * @param statusReason the reason given when declined or withdrawn
 * @param version     the aggregate's version, used as ETag
 */
public record CooperationRequestView(
        String id,
        String caseId,
        String requestingAgency,
        String receivingAgency,
        String type,
        LegalBasis legalBasis,
        String priority,
        String question,
        List<SharedItemRef> attachments,
        List<Answer> answers,
        String status,
        String statusReason,
        Instant responseDue,
        Instant remindAt,
        Instant escalateAt,
        boolean reminded,
        boolean overdue,
        boolean escalated,
        String sentBy,
        Instant sentAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        long version,
        Instant updatedAt) implements Versioned, SharedItem {

    /** One answer; a request may be answered in part several times before it is answered fully. */
    public record Answer(String answer, boolean complete, List<SharedItemRef> attachments, String answeredBy,
                         String agency, Instant answeredAt) {
    }

    /** {@code requestingAgency} and {@code receivingAgency}. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(java.util.List.of(), requestingAgency, receivingAgency);
    }
}
