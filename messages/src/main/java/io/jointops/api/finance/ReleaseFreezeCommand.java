package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseFreezeCommand(@TargetAggregateIdentifier String requestId, @Nullable String agency, @Nullable @Size(max = 2000) String reason,
                                   Long expectedVersion) {
}
