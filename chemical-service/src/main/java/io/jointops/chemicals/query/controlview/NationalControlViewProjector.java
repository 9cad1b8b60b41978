package io.jointops.chemicals.query.controlview;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps {@code national_control_view}: each control event is folded into the stored record; a replayed event is skipped. */
@Component
@ProcessingGroup(NationalControlViewProjector.PROCESSING_GROUP)
class NationalControlViewProjector implements FoldedView {

    static final String PROCESSING_GROUP = "national-control-view";

    private final JdbcClient jdbc;
    private final NationalControlViews views;

    NationalControlViewProjector(JdbcClient jdbc, NationalControlViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return NationalControlViewFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        views.table().deleteAll(jdbc);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!NationalControlViewFold.handles(payload)) {
            return;
        }
        NationalControlView current = views.table().find(jdbc, message.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= message.getSequenceNumber()) {
            return;
        }
        NationalControlView next = NationalControlViewFold.apply(current, message);
        if (next != null) {
            views.table().write(jdbc, next);
        }
    }
}
