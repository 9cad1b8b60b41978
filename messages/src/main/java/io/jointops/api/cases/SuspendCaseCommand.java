package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an active case on hold (a supervisor of the lead agency). */
public record SuspendCaseCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank @Size(max = 2000) String reason,
        CaseActor actor) {
}
