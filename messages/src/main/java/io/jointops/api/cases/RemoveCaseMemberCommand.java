package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member from the case. */
public record RemoveCaseMemberCommand(
        @TargetAggregateIdentifier String caseId,
        String username,
        CaseActor actor) {
}
