package io.jointops.api.intel;

import io.jointops.api.shared.Unwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An analyst of {@code ownerAgency} drafts a report; nobody else sees it until it is approved and disseminated. */
public record DraftIntelReportCommand(@TargetAggregateIdentifier String reportId, @NotBlank String ownerAgency,
                                      @NotNull @Valid @Unwrapped IntelReportContent content) {
}
