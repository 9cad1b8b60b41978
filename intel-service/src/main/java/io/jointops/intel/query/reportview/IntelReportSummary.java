package io.jointops.intel.query.reportview;

import java.time.Instant;
import java.util.List;

/**
 * A report as a list shows it: what the reader needs to choose one (title, grading, labels, status, who and when),
 * never its content (summary, body, entities, relations, route, comments, feedback, requests). The content is read
 * one report at a time, where every read of a report labelled TLP:AMBER or stricter is logged.
 */
public record IntelReportSummary(
        String id,
        String title,
        String category,
        String grading,
        String ownerAgency,
        List<String> releasedTo,
        String tlp,
        String handlingCode,
        String status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant disseminatedAt,
        Instant updatedAt) {

    /** The summary of a report as its reader is shown it ({@link IntelReportView#shownTo}). */
    public static IntelReportSummary of(IntelReportView report) {
        return new IntelReportSummary(report.id(), report.title(), report.category(), report.grading(),
                report.ownerAgency(), report.releasedTo(), report.tlp(), report.handlingCode(), report.status(),
                report.version(), report.createdAt(), report.createdBy(), report.disseminatedAt(), report.updatedAt());
    }
}
