package io.jointops.api.cases;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by case-service's integration layer when the owning service changed a linked item's title or status.
 *
 * @param change the owning service's event that changed it, e.g. {@code ShipmentSeizedEvent}
 */
public record UpdateLinkedItemCommand(
        @TargetAggregateIdentifier String caseId,
        @NotNull LinkedItemType itemType,
        @NotBlank String itemId,
        @Nullable String title,
        @Nullable String status,
        @NotBlank String change) {
}
