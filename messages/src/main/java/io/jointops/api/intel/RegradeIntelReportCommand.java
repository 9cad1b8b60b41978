package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency changes the Admiralty grading; every earlier grade stays in the report's history. */
public record RegradeIntelReportCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency,
                                        @NotNull SourceReliability sourceReliability, int informationCredibility,
                                        @NotBlank @Size(max = 2000) String reason) {
}
