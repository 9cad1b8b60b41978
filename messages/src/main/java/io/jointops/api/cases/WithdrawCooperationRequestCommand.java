package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requesting agency withdraws its request. */
public record WithdrawCooperationRequestCommand(
        @TargetAggregateIdentifier String requestId,
        @NotBlank @Size(max = 2000) String reason,
        CaseActor actor) {
}
