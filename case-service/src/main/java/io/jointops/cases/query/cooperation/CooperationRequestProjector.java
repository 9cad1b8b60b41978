package io.jointops.cases.query.cooperation;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Keeps {@code cooperation_request_view}: each event of a request is applied by {@link CooperationRequestFold} to
 * the stored row, and only if it is newer than the row, so a redelivery or a replay changes nothing twice.
 */
@Component
@ProcessingGroup(CooperationRequestProjector.PROCESSING_GROUP)
class CooperationRequestProjector implements FoldedView {

    static final String PROCESSING_GROUP = "cooperation-request-view";

    private final CooperationRequests requests;

    CooperationRequestProjector(CooperationRequests requests) {
        this.requests = requests;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return CooperationRequestFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        requests.deleteAll();
    }

    @EventHandler
    void on(DomainEventMessage<?> event) {
        if (!"CooperationRequest".equals(event.getType())) {
            return;
        }
        CooperationRequestView current = requests.read(event.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= event.getSequenceNumber()) {
            return;
        }
        CooperationRequestView next = CooperationRequestFold.apply(current, event.getPayload(),
                event.getSequenceNumber(), event.getTimestamp());
        if (next != null) {
            requests.write(next);
        }
    }
}
