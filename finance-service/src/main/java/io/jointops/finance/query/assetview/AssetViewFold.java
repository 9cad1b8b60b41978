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
import java.util.Set;

/**
 * An asset's view from its events: the projector applies one event at a time to the stored record, and
 * {@code ?asOf=} folds the events up to an instant, with the same function. Pure.
 */
public final class AssetViewFold {

    private AssetViewFold() {
    }

    static Optional<AssetView> fold(List<? extends DomainEventMessage<?>> events) {
        AssetView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = Set.of(AssetIdentifiedEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the asset is identified. */
    static AssetView apply(AssetView view, DomainEventMessage<?> message) {
        if (message.getPayload() instanceof AssetIdentifiedEvent event) {
            Instant at = ItemEvents.asStored(message.getTimestamp());
            return new AssetView(event.assetId(), event.caseId(), event.category().name(), event.description(),
                    event.identifier(), event.country(), stored(event.estimatedValue()), event.currency(),
                    event.ownerAgency(), event.releasedTo().stream().sorted().toList(), event.tlp().label(),
                    event.handlingCode().name(), message.getSequenceNumber(), at,
                    AuditMetadata.actor(message.getMetaData()), at);
        }
        return view;
    }

    /** As a NUMERIC(19,4) column holds it. */
    static BigDecimal stored(BigDecimal value) {
        return value.setScale(4, RoundingMode.UNNECESSARY);
    }
}
