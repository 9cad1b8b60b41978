package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the case-lead process once case-service has recorded the lead it proposed for the incident. */
public record RecordIncidentCaseLeadCommand(@TargetAggregateIdentifier String incidentId, String leadId, String reason) {
}
