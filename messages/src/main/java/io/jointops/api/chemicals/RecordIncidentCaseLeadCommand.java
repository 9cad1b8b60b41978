package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the case-lead process once case-service has recorded the lead it proposed for the incident. */
public record RecordIncidentCaseLeadCommand(@TargetAggregateIdentifier String incidentId, @NotBlank String leadId, @Nullable String reason) {
}
