package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * A linked item's title or status changed in its owning service.
 *
 * @param change the owning service's event that changed it
 */
@Revision("1")
@NonPersonal
public record CaseLinkedItemUpdatedEvent(
        String caseId,
        LinkedItemType itemType,
        String itemId,
        @Personal String title,
        String status,
        String change) {
}
