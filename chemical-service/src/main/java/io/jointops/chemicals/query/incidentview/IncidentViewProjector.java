package io.jointops.chemicals.query.incidentview;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps {@code incident_view}: each incident event is folded into the stored record; a replayed event is skipped. */
@Component
@ProcessingGroup(IncidentViewProjector.PROCESSING_GROUP)
class IncidentViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "incident-view";

    private final JdbcClient jdbc;
    private final IncidentViews views;

    IncidentViewProjector(JdbcClient jdbc, IncidentViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return IncidentViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        views.table().deleteAll(jdbc);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!IncidentViewFold.handles(payload)) {
            return;
        }
        IncidentView current = views.table().find(jdbc, message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        IncidentView next = IncidentViewFold.apply(current, message);
        if (next != null) {
            views.table().write(jdbc, next);
        }
    }
}
