package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency asks its supervisors to approve the release of a draft. */
public record SubmitIntelReportForReleaseCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency) {
}
