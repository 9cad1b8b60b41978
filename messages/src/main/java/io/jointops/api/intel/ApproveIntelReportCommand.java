package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor of the owner agency (the role is checked by the web layer) approves the release.
 *
 * @param supervisorId the approving user's id (the token's subject): four-eyes, nobody approves a report they
 *                     drafted or revised themselves
 */
public record ApproveIntelReportCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency, @NotBlank String supervisorId) {
}
