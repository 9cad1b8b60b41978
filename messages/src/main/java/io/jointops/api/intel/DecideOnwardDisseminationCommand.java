package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency consents to, or refuses, a request to pass the report on. */
public record DecideOnwardDisseminationCommand(@TargetAggregateIdentifier String reportId, @NotBlank String requestId,
                                               @Nullable String agency, boolean consent, @Nullable @Size(max = 2000) String comment) {
}
