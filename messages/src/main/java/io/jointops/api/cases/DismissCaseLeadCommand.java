package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the proposing agency dismisses the lead. */
public record DismissCaseLeadCommand(
        @TargetAggregateIdentifier String leadId,
        String reason,
        CaseActor actor) {
}
