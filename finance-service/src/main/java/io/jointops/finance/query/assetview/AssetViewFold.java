package io.jointops.finance.query.assetview;

import io.jointops.api.finance.AssetIdentifiedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An asset's view rebuilt from its events alone, as the projector and {@link Assets} show it. Pure. */
final class AssetViewFold {

    private AssetViewFold() {
    }

    static Optional<AssetView> fold(List<? extends DomainEventMessage<?>> events) {
        AssetView view = null;
        for (DomainEventMessage<?> message : events) {
            if (message.getPayload() instanceof AssetIdentifiedEvent event) {
                Instant at = ItemEvents.asStored(message.getTimestamp());
                view = new AssetView(event.assetId(), event.caseId(), event.category().name(), event.description(),
                        event.identifier(), event.country(), stored(event.estimatedValue()), event.currency(),
                        event.ownerAgency(), event.releasedTo().stream().sorted().toList(), event.tlp().label(),
                        event.handlingCode().name(), message.getSequenceNumber(), at,
                        AuditMetadata.actor(message.getMetaData()), at);
            }
        }
        return Optional.ofNullable(view);
    }

    /** As a NUMERIC(19,4) column holds it. */
    static BigDecimal stored(BigDecimal value) {
        return value.setScale(4, RoundingMode.UNNECESSARY);
    }
}
