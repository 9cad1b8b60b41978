package io.jointops.chemicals.query.controlview;

import io.jointops.api.chemicals.NationalControlAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code national_control_view}; a replayed event is skipped by its version. */
@Component
@ProcessingGroup(NationalControlViewProjector.PROCESSING_GROUP)
class NationalControlViewProjector {

    static final String PROCESSING_GROUP = "national-control-view";

    private final JdbcClient jdbc;
    private final NationalControlViews views;

    NationalControlViewProjector(JdbcClient jdbc, NationalControlViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @ResetHandler
    void reset() {
        views.table().deleteAll(jdbc);
    }

    @EventHandler
    void on(NationalControlAddedEvent event, DomainEventMessage<?> message) {
        NationalControlView current = views.table().find(jdbc, message.getAggregateIdentifier()).orElse(null);
        views.table().write(jdbc, NationalControlViewFold.apply(current, message));
    }
}
