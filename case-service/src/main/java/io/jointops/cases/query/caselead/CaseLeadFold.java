package io.jointops.cases.query.caselead;

import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.cases.CaseLeadDismissedEvent;
import io.jointops.api.cases.CaseLeadProposedEvent;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The one function from a lead's events to its view, used live by the projector and for {@code ?asOf=}. Pure. */
public final class CaseLeadFold {

    /** The events of the aggregate; each one the view takes (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = Set.of(
            CaseLeadProposedEvent.class,
            CaseLeadAcceptedEvent.class,
            CaseLeadDismissedEvent.class);

    private CaseLeadFold() {
    }

    static Optional<CaseLeadView> fold(List<? extends DomainEventMessage<?>> events) {
        CaseLeadView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.ofNullable(view);
    }

    static CaseLeadView apply(CaseLeadView v, Object payload, long version, Instant timestamp) {
        Instant at = ItemEvents.asStored(timestamp);
        if (payload instanceof CaseLeadProposedEvent e) {
            return new CaseLeadView(e.leadId(), e.itemType().name(), e.itemId(), e.title(), e.proposingAgency(),
                    e.agencies().stream().sorted().toList(), e.reason(), "PROPOSED", null, null, null, null, at, version);
        }
        if (v == null) {
            return null;
        }
        if (payload instanceof CaseLeadAcceptedEvent e) {
            return new CaseLeadView(v.leadId(), v.itemType(), v.itemId(), v.title(), v.proposingAgency(), v.agencies(),
                    v.reason(), "ACCEPTED", e.caseId(), e.decidedBy(), at, null, v.proposedAt(), version);
        }
        if (payload instanceof CaseLeadDismissedEvent e) {
            return new CaseLeadView(v.leadId(), v.itemType(), v.itemId(), v.title(), v.proposingAgency(), v.agencies(),
                    v.reason(), "DISMISSED", null, e.decidedBy(), at, e.reason(), v.proposedAt(), version);
        }
        return v;
    }
}
