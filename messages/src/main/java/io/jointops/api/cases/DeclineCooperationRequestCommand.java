package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiving agency declines the request, with its reason. */
public record DeclineCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        @NotBlank @Size(max = 2000) String reason,
        CaseActor actor) {
}
