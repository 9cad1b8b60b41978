package io.jointops.cases.query.caseview;

import java.time.Instant;
import java.util.List;

/** A case as an agency taking part in it sees it. {@code version} is the aggregate's version, used as ETag. */
public record CaseView(
        String id,
        String title,
        String summary,
        String leadAgency,
        List<String> partnerAgencies,
        String tlp,
        String handlingCode,
        String status,
        long version,
        Instant openedAt,
        String openedBy,
        Instant updatedAt,
        List<LinkedItem> linkedItems) {

    public record LinkedItem(String type, String id, String title, Instant linkedAt) {
    }

    public boolean visibleTo(String agency) {
        return leadAgency.equals(agency) || partnerAgencies.contains(agency);
    }
}
