package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

/**
 * A linked item's title or status changed in its owning service.
 *
 * @param change the owning service's event that changed it
 */
@Revision("1")
public record CaseLinkedItemUpdatedEvent(
        String caseId,
        LinkedItemType itemType,
        String itemId,
        String title,
        String status,
        String change) {
}
