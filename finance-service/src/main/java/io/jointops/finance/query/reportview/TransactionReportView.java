package io.jointops.finance.query.reportview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A report as an agency it is released to sees it. {@code version} is the aggregate's version, used as ETag. */
public record TransactionReportView(
        String id,
        String reportCode,
        String reportingEntity,
        LocalDate submissionDate,
        String reason,
        String ownerAgency,
        List<String> releasedTo,
        String tlp,
        String handlingCode,
        long version,
        Instant filedAt,
        String filedBy,
        Instant updatedAt) {

    public boolean visibleTo(String agency) {
        return ownerAgency.equals(agency) || releasedTo.contains(agency);
    }
}
