package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by case-service's integration layer once the owning service has confirmed a link. */
public record RecordLinkedItemCommand(
        @TargetAggregateIdentifier String caseId,
        LinkedItemType itemType,
        String itemId,
        String title) {
}
