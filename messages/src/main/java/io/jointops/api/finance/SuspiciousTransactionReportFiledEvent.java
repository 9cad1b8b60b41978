package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Revision 2 added {@code reportingPerson}, {@code indicators} and {@code transactionCount}; revision 1 events are
 * upcast (finance-service's {@code upcasting} package) with no person, no indicators and no transactions.
 *
 * @param releasedTo       sorted, without the owner
 * @param transactionCount how many transactions follow in {@link TransactionsReportedEvent}s of the same report
 */
@Revision("2")
@NonPersonal
public record SuspiciousTransactionReportFiledEvent(
        String reportId,
        ReportCode reportCode,
        String reportingEntity,
        LocalDate submissionDate,
        @Personal String reason,
        String ownerAgency,
        List<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode,
        @Personal(kind = Identifies.Kind.PERSON_NAME) String reportingPerson,
        List<String> indicators,
        int transactionCount) {
}
