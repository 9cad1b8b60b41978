package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Joins an officer of a participating agency to the case with a case role. */
public record AddCaseMemberCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String username,
        @NotBlank String agency,
        @NotNull CaseRole role,
        CaseActor actor) {
}
