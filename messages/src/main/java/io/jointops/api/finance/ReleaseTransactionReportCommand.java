package io.jointops.api.finance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner widens a report's release to one more agency.
 *
 * @param requestingAgency the caller's agency, from its token
 * @param expectedVersion  the version the caller last saw (If-Match), or {@code null}
 */
public record ReleaseTransactionReportCommand(
        @TargetAggregateIdentifier String reportId,
        String agency,
        String requestingAgency,
        Long expectedVersion) {
}
