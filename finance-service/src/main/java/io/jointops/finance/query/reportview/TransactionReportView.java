package io.jointops.finance.query.reportview;

import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
        String reportingPerson,
        List<String> indicators,
        int transactionCount,
        long version,
        Instant filedAt,
        String filedBy,
        Instant updatedAt) implements Versioned, SharedItem {

    /** The owner agency and the agencies it released the item to. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(releasedTo, ownerAgency);
    }

    TransactionReportView releasedTo(String agency, long newVersion, Instant at) {
        List<String> released = java.util.stream.Stream.concat(releasedTo.stream(), java.util.stream.Stream.of(agency))
                .distinct().sorted().toList();
        return new TransactionReportView(id, reportCode, reportingEntity, submissionDate, reason, ownerAgency, released,
                tlp, handlingCode, reportingPerson, indicators, transactionCount, newVersion, filedAt, filedBy, at);
    }

    TransactionReportView at(long newVersion, Instant at) {
        return new TransactionReportView(id, reportCode, reportingEntity, submissionDate, reason, ownerAgency, releasedTo,
                tlp, handlingCode, reportingPerson, indicators, transactionCount, newVersion, filedAt, filedBy, at);
    }
}
