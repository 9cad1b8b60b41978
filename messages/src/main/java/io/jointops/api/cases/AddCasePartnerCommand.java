package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead agency adds a partner agency to the case: a {@code supervisor} of the lead agency, or the case's
 * {@link CaseRole#LEAD_INVESTIGATOR}. Any other officer is refused, a partner agency's as FORBIDDEN, anyone else's as
 * NOT_FOUND.
 *
 * @param actor           the caller, from the token
 * @param expectedVersion the version the caller last saw (If-Match), or null to add unconditionally
 */
public record AddCasePartnerCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String agency,
        CaseActor actor,
        Long expectedVersion) {
}
