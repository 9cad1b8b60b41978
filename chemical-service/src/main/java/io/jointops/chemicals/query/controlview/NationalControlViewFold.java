package io.jointops.chemicals.query.controlview;

import io.jointops.api.chemicals.NationalControlAddedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A national control's view from its events, for the projector and for {@code ?asOf=}. Pure. */
final class NationalControlViewFold {

    private NationalControlViewFold() {
    }

    static Optional<NationalControlView> fold(List<? extends DomainEventMessage<?>> events) {
        NationalControlView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    static final Set<Class<?>> EVENTS = Set.of(NationalControlAddedEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the control is added. */
    static NationalControlView apply(NationalControlView view, DomainEventMessage<?> message) {
        if (message.getPayload() instanceof NationalControlAddedEvent e) {
            Instant at = ItemEvents.asStored(message.getTimestamp());
            return new NationalControlView(e.controlId(), "IN_FORCE", e.addingAgency(), e.substanceName(), e.casNumber(),
                    e.country(), e.legalReference(), e.thresholdQuantity(), e.unit() == null ? null : e.unit().name(),
                    List.of(e.addingAgency()), message.getSequenceNumber(), at, AuditMetadata.actor(message.getMetaData()));
        }
        return view;
    }
}
