package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agency the report was released to asks the owner's consent to pass it on to {@code toAgency}.
 *
 * @param requestId chosen by the caller's service; the owner's decision names it
 */
public record RequestOnwardDisseminationCommand(@TargetAggregateIdentifier String reportId, @NotBlank String requestId,
                                                @Nullable String requestingAgency, @NotBlank String toAgency, @NotBlank @Size(max = 2000) String justification) {
}
