package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The lead was dismissed. */
@Revision("1")
@NonPersonal
public record CaseLeadDismissedEvent(
        String leadId,
        @Personal String reason,
        String decidedBy) {
}
