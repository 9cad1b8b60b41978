package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** @param releasedTo sorted, without the owner */
@Revision("1")
public record SuspiciousTransactionReportFiledEvent(
        String reportId,
        ReportCode reportCode,
        String reportingEntity,
        LocalDate submissionDate,
        String reason,
        String ownerAgency,
        List<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}
