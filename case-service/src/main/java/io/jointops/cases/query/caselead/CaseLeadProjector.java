package io.jointops.cases.query.caselead;

import io.jointops.platform.query.FoldedView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Keeps {@code case_lead_view} by applying {@link CaseLeadFold} to the stored row, only for newer events. */
@Component
@ProcessingGroup(CaseLeadProjector.PROCESSING_GROUP)
class CaseLeadProjector implements FoldedView {

    static final String PROCESSING_GROUP = "case-lead-view";

    private final CaseLeads leads;

    CaseLeadProjector(CaseLeads leads) {
        this.leads = leads;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return CaseLeadFold.EVENTS;
    }

    @ResetHandler
    void reset() {
        leads.deleteAll();
    }

    @EventHandler
    void on(DomainEventMessage<?> event) {
        if (!"CaseLead".equals(event.getType())) {
            return;
        }
        CaseLeadView current = leads.read(event.getAggregateIdentifier()).orElse(null);
        if (current != null && current.version() >= event.getSequenceNumber()) {
            return;
        }
        CaseLeadView next = CaseLeadFold.apply(current, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        if (next != null) {
            leads.write(next);
        }
    }
}
