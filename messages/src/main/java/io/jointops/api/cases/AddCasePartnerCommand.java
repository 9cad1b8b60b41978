package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param requestingAgency the caller's agency, from the token
 * @param expectedVersion  the version the caller last saw (If-Match), or null to add unconditionally
 */
public record AddCasePartnerCommand(
        @TargetAggregateIdentifier String caseId,
        String agency,
        String requestingAgency,
        Long expectedVersion) {
}
