package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed case (a supervisor of the lead agency). */
public record ReopenCaseCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank @Size(max = 2000) String reason,
        CaseActor actor) {
}
