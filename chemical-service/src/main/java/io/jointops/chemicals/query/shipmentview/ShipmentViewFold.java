package io.jointops.chemicals.query.shipmentview;

import io.jointops.api.chemicals.ShipmentArrivedEvent;
import io.jointops.api.chemicals.ShipmentControlledDeliveryRequestedEvent;
import io.jointops.api.chemicals.ShipmentDepartedEvent;
import io.jointops.api.chemicals.ShipmentFlaggedEvent;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentReachedWaypointEvent;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.ShipmentReleasedEvent;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.chemicals.ShipmentStopRequestedEvent;
import io.jointops.api.chemicals.ShipmentStoppedEvent;
import io.jointops.api.chemicals.ShipmentTransshippedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * A shipment's view from its events: the projector applies one event at a time to the stored record, and
 * {@code ?asOf=} folds the events up to an instant, with the same function. Pure.
 */
public final class ShipmentViewFold {

    private ShipmentViewFold() {
    }

    static Optional<ShipmentView> fold(List<? extends DomainEventMessage<?>> events) {
        ShipmentView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            ShipmentRegisteredEvent.class,
            ShipmentDepartedEvent.class,
            ShipmentReachedWaypointEvent.class,
            ShipmentTransshippedEvent.class,
            ShipmentArrivedEvent.class,
            ShipmentSeizedEvent.class,
            ShipmentReleasedEvent.class,
            ShipmentStoppedEvent.class,
            ShipmentFlaggedEvent.class,
            ShipmentControlledDeliveryRequestedEvent.class,
            ShipmentStopRequestedEvent.class,
            ShipmentLinkedToCaseEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the shipment is registered. */
    static ShipmentView apply(ShipmentView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        String actor = AuditMetadata.actor(message.getMetaData());
        Object payload = message.getPayload();
        if (payload instanceof ShipmentRegisteredEvent e) {
            return new ShipmentView(e.shipmentId(), e.title(), ShipmentStatus.REGISTERED.name(), e.registeringAgency(),
                    e.notificationId(), e.agencies().stream().sorted().toList(), e.exporter(), e.importer(),
                    e.consignee(), e.substanceName(), e.casNumber(), e.quantity(), e.unit().name(), e.licensedQuantity(),
                    e.declaredGoods(), e.declaredRoute(), e.transportMode() == null ? null : e.transportMode().name(),
                    e.tlp().label(), e.handlingCode().name(), List.of(), List.of(), List.of(), null, List.of(),
                    version, at, actor, at, null);
        }
        if (view == null) {
            return null;
        }
        Builder next = new Builder(view, version, at);
        if (payload instanceof ShipmentDepartedEvent e) {
            next.move("DEPARTED", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentReachedWaypointEvent e) {
            next.move("AT_WAYPOINT", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentTransshippedEvent e) {
            next.move("TRANSSHIPPED", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentArrivedEvent e) {
            next.move("ARRIVED", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentSeizedEvent e) {
            next.move("SEIZED", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentReleasedEvent e) {
            next.move("RELEASED", e.place(), e.country(), e.occurredAt(), e.note(), e.recordingAgency(), e.status(), at);
        } else if (payload instanceof ShipmentStoppedEvent e) {
            next.status = e.status().name();
            next.stop = new ShipmentView.Stop(e.notificationId(), e.reason(), at);
        } else if (payload instanceof ShipmentFlaggedEvent e) {
            next.flags.add(new ShipmentView.Flag(e.flaggingAgency(), e.reasons(), actor, at));
        } else if (payload instanceof ShipmentControlledDeliveryRequestedEvent e) {
            next.requests.add(new ShipmentView.Request("CONTROLLED_DELIVERY", e.requestingAgency(), e.reason(), actor, at));
        } else if (payload instanceof ShipmentStopRequestedEvent e) {
            next.requests.add(new ShipmentView.Request("STOP", e.requestingAgency(), e.reason(), actor, at));
        } else if (payload instanceof ShipmentLinkedToCaseEvent e) {
            next.linkedCases.add(e.caseId());
        } else if (!EvidenceFiles.ITEM_EVENTS.contains(payload.getClass())) {
            return view; // an evidence event is a version of the shipment, though it changes nothing shown here
        }
        return next.build();
    }

    /** The changing parts of a view, copied, changed and put back together. */
    private static final class Builder {
        private final ShipmentView view;
        private final long version;
        private final Instant at;
        String status;
        ShipmentView.Stop stop;
        final List<ShipmentView.Movement> movements;
        final List<ShipmentView.Flag> flags;
        final List<ShipmentView.Request> requests;
        final List<String> linkedCases;

        Builder(ShipmentView view, long version, Instant at) {
            this.view = view;
            this.version = version;
            this.at = at;
            status = view.status();
            stop = view.stop();
            movements = new ArrayList<>(view.movements());
            flags = new ArrayList<>(view.flags());
            requests = new ArrayList<>(view.requests());
            linkedCases = new ArrayList<>(view.linkedCases());
        }

        void move(String type, String place, String country, Instant occurredAt, String note, String agency,
                  ShipmentStatus after, Instant recordedAt) {
            movements.add(new ShipmentView.Movement(type, place, country, ItemEvents.asStored(occurredAt), note, agency, recordedAt));
            status = after.name();
        }

        ShipmentView build() {
            return new ShipmentView(view.id(), view.title(), status, view.registeringAgency(), view.notificationId(),
                    view.agencies(), view.exporter(), view.importer(), view.consignee(), view.substanceName(),
                    view.casNumber(), view.quantity(), view.unit(), view.licensedQuantity(), view.declaredGoods(),
                    view.declaredRoute(), view.transportMode(), view.tlp(), view.handlingCode(), List.copyOf(movements),
                    List.copyOf(flags), List.copyOf(requests), stop, List.copyOf(linkedCases), version,
                    view.createdAt(), view.registeredBy(), at, null);
        }
    }
}
