package io.jointops.api.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by case-service's integration layer when the owning service changed a linked item's title or status.
 *
 * @param change the owning service's event that changed it, e.g. {@code ShipmentSeizedEvent}
 */
public record UpdateLinkedItemCommand(
        @TargetAggregateIdentifier String caseId,
        LinkedItemType itemType,
        String itemId,
        String title,
        String status,
        String change) {
}
