package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency the report was disseminated to tells the owner what it found. */
public record GiveIntelReportFeedbackCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency,
                                             @NotNull FeedbackKind kind, @Nullable @Size(max = 2000) String comment) {
}
