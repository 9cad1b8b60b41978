package io.jointops.chemicals.query.incidentview;

import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code incident_view}; each event is folded into the stored record, a replayed one skipped by its version. */
@Component
@ProcessingGroup(IncidentViewProjector.PROCESSING_GROUP)
class IncidentViewProjector {

    static final String PROCESSING_GROUP = "incident-view";

    private final JdbcClient jdbc;
    private final IncidentViews views;

    IncidentViewProjector(JdbcClient jdbc, IncidentViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @ResetHandler
    void reset() {
        views.table().deleteAll(jdbc);
    }

    @EventHandler
    void on(IncidentReportedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(IncidentCaseLeadProposedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(IncidentLinkedToCaseEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    private void apply(DomainEventMessage<?> message) {
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
