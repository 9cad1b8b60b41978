package io.jointops.cases.query.caselead;

import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A proposed joint case as the agencies that may see its item see it.
 *
 * @param status         PROPOSED, ACCEPTED or DISMISSED
 * @param caseId         the case opened from it, once accepted
 * @param decisionReason why it was dismissed
 */
public record CaseLeadView(
        String leadId,
        String itemType,
        String itemId,
        String title,
        String proposingAgency,
        List<String> agencies,
        String reason,
        String status,
        String caseId,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        Instant proposedAt,
        long version) implements Versioned, SharedItem {

    @Override
    public Set<String> audience() {
        return SharedItem.agencies(agencies);
    }
}
