package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the proposing agency dismisses the lead. */
public record DismissCaseLeadCommand(
        @TargetAggregateIdentifier String leadId,
        @NotBlank @Size(max = 2000) String reason,
        CaseActor actor) {
}
