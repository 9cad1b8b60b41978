package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CaseItemLinkedEvent(String caseId, LinkedItemType itemType, String itemId, String title) {
}
