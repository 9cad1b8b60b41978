package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency withdraws a disseminated report; the partners keep seeing it, marked withdrawn. */
public record WithdrawIntelReportCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency, @NotBlank @Size(max = 2000) String reason) {
}
