package io.jointops.api.intel;

import io.jointops.api.shared.Unwrapped;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency rewrites a draft or a returned report (the whole content); it becomes a draft again. */
public record ReviseIntelReportDraftCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency,
                                            @NotNull @Valid @Unwrapped IntelReportContent content) {
}
