package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner widens a report's release to one more agency.
 *
 * @param requestingAgency the caller's agency, from its token
 * @param expectedVersion  the version the caller last saw (If-Match), or {@code null}
 */
public record ReleaseTransactionReportCommand(
        @TargetAggregateIdentifier String reportId,
        @NotBlank String agency,
        @Nullable String requestingAgency,
        Long expectedVersion) {
}
