package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

/** A joint case lead was proposed to case-service for the incident (its id is derived from the incident's). */
@Revision("1")
public record IncidentCaseLeadProposedEvent(String incidentId, String leadId, String reason) {
}
