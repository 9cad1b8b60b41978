package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Asks the owning service to link the item to a case (sent by case-service). Refused unless the item exists and every
 * agency on the case may see it.
 *
 * @param caseAgencies     the lead and partner agencies of the case
 * @param requestingAgency the agency asking for the link, from its token
 */
public record LinkIncidentToCaseCommand(
        @TargetAggregateIdentifier String incidentId,
        @NotBlank String caseId,
        Set<String> caseAgencies,
        @Nullable String requestingAgency) {
}
