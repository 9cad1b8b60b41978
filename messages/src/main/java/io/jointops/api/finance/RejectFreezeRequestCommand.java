package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectFreezeRequestCommand(@TargetAggregateIdentifier String requestId, @Nullable String agency, @NotBlank @Size(max = 2000) String reason,
                                         Long expectedVersion) {
}
