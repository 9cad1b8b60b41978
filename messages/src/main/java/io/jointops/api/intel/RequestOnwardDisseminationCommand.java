package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agency the report was released to asks the owner's consent to pass it on to {@code toAgency}.
 *
 * @param requestId chosen by the caller's service; the owner's decision names it
 */
public record RequestOnwardDisseminationCommand(@TargetAggregateIdentifier String reportId, String requestId,
                                                String requestingAgency, String toAgency, String justification) {
}
