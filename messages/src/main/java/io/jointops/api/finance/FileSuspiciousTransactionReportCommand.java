package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Files a report a reporting entity (bank, money service business, ...) made to a financial intelligence unit.
 *
 * @param reportingEntity the institution that reported, by name
 * @param submissionDate  when the reporting entity submitted the report
 * @param reason          why the entity found the transactions suspicious, in its words
 * @param ownerAgency     the filing agency, from its token
 * @param releasedTo      the agencies that may see the report besides the owner
 */
public record FileSuspiciousTransactionReportCommand(
        @TargetAggregateIdentifier String reportId,
        ReportCode reportCode,
        String reportingEntity,
        LocalDate submissionDate,
        String reason,
        String ownerAgency,
        Set<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}
