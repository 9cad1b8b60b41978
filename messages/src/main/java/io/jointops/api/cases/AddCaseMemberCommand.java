package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Joins an officer of a participating agency to the case with a case role. */
public record AddCaseMemberCommand(
        @TargetAggregateIdentifier String caseId,
        String username,
        String agency,
        CaseRole role,
        CaseActor actor) {
}
