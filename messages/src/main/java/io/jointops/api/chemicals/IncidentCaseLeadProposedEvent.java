package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** A joint case lead was proposed to case-service for the incident (its id is derived from the incident's). */
@Revision("1")
@NonPersonal
public record IncidentCaseLeadProposedEvent(String incidentId, String leadId, @Personal String reason) {
}
