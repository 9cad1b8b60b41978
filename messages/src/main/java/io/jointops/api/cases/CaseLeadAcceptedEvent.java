package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The lead was accepted; case {@code caseId} is opened from it, led by the proposing agency. */
@Revision("1")
@NonPersonal
public record CaseLeadAcceptedEvent(
        String leadId,
        String caseId,
        @Personal String title,
        @Personal String summary,
        Tlp tlp,
        HandlingCode handlingCode,
        String proposingAgency,
        List<String> partnerAgencies,
        LinkedItemType itemType,
        String itemId,
        String decidedBy) {
}
