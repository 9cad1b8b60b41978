package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor of the proposing agency accepts the lead: a case is opened with the item linked.
 *
 * @param caseId the case to open, chosen by case-service
 */
public record AcceptCaseLeadCommand(
        @TargetAggregateIdentifier String leadId,
        String caseId,
        String title,
        String summary,
        Tlp tlp,
        HandlingCode handlingCode,
        CaseActor actor) {
}
