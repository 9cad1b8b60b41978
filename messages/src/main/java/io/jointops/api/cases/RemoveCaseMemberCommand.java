package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member from the case. */
public record RemoveCaseMemberCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String username,
        CaseActor actor) {
}
