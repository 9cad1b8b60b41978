package io.jointops.api.cases;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a case with its closing reason (a supervisor of the lead agency). */
public record CloseCaseCommand(
        @TargetAggregateIdentifier String caseId,
        @NotNull ClosingReason closingReason,
        @Nullable @Size(max = 2000) String remarks,
        CaseActor actor) {
}
