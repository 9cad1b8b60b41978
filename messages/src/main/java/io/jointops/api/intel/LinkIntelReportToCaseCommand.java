package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Asks the report's owner service to link it to a case. Refused unless every agency on the case may see the report.
 *
 * @param caseAgencies     the lead and partner agencies of the case
 * @param requestingAgency the agency asking for the link, from its token
 */
public record LinkIntelReportToCaseCommand(
        @TargetAggregateIdentifier String reportId,
        @NotBlank String caseId,
        Set<String> caseAgencies,
        @Nullable String requestingAgency) {
}
