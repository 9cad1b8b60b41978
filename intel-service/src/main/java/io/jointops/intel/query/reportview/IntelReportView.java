package io.jointops.intel.query.reportview;

import java.time.Instant;
import java.util.List;

/**
 * A report as an agency it is released to sees it. {@code version} is the aggregate's version, used as ETag.
 *
 * @param grading Admiralty code: source reliability and information credibility, e.g. {@code B2}
 */
public record IntelReportView(
        String id,
        String title,
        String summary,
        String category,
        String sourceReliability,
        int informationCredibility,
        String grading,
        String ownerAgency,
        List<String> releasedTo,
        String tlp,
        String handlingCode,
        List<String> linkedCases,
        long version,
        Instant submittedAt,
        String submittedBy,
        Instant updatedAt) {

    public boolean visibleTo(String agency) {
        return ownerAgency.equals(agency) || releasedTo.contains(agency);
    }
}
