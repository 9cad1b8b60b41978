package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/** The lead was dismissed. */
@Revision("1")
public record CaseLeadDismissedEvent(
        String leadId,
        String reason,
        String decidedBy) {
}
