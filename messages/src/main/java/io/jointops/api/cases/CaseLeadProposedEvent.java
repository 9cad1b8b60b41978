package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Another service proposed a joint case about one of its items. */
@Revision("1")
@NonPersonal
public record CaseLeadProposedEvent(
        String leadId,
        LinkedItemType itemType,
        String itemId,
        @Personal String title,
        String proposingAgency,
        List<String> agencies,
        @Personal String reason) {
}
