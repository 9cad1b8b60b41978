package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the owner agency sends the report back to its authors with comments. */
public record ReturnIntelReportCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency, @NotBlank @Size(max = 2000) String comments) {
}
