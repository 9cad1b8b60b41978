package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record CaseItemLinkedEvent(String caseId, LinkedItemType itemType, String itemId, @Personal String title) {
}
