package io.jointops.chemicals.query.shipmentview;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps {@code shipment_view}: each shipment event is folded into the stored record; a replayed event is skipped. */
@Component
@ProcessingGroup(ShipmentViewProjector.PROCESSING_GROUP)
class ShipmentViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "shipment-view";

    private final JdbcClient jdbc;
    private final ShipmentViews views;

    ShipmentViewProjector(JdbcClient jdbc, ShipmentViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return ShipmentViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        views.table().deleteAll(jdbc);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!ShipmentViewFold.handles(payload)) {
            return;
        }
        ShipmentView current = views.table().find(jdbc, message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        ShipmentView next = ShipmentViewFold.apply(current, message);
        if (next != null) {
            views.table().write(jdbc, next);
        }
    }
}
