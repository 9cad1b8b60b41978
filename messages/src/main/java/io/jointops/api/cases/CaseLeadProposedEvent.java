package io.jointops.api.cases;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Another service proposed a joint case about one of its items. */
@Revision("1")
public record CaseLeadProposedEvent(
        String leadId,
        LinkedItemType itemType,
        String itemId,
        String title,
        String proposingAgency,
        List<String> agencies,
        String reason) {
}
