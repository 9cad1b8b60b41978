package io.jointops.api.cases;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by case-service's integration layer once the owning service has confirmed a link. */
public record RecordLinkedItemCommand(
        @TargetAggregateIdentifier String caseId,
        @NotNull LinkedItemType itemType,
        @NotBlank String itemId,
        @Nullable String title) {
}
