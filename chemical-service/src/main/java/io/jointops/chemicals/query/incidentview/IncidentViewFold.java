package io.jointops.chemicals.query.incidentview;

import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An incident's view from its events, for the projector (one event at a time) and for {@code ?asOf=}. Pure. */
public final class IncidentViewFold {

    private IncidentViewFold() {
    }

    static Optional<IncidentView> fold(List<? extends DomainEventMessage<?>> events) {
        IncidentView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            IncidentReportedEvent.class,
            IncidentCaseLeadProposedEvent.class,
            IncidentLinkedToCaseEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the incident is reported. */
    static IncidentView apply(IncidentView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof IncidentReportedEvent e) {
            TreeSet<String> agencies = new TreeSet<>(e.releasedTo());
            agencies.add(e.seizingAgency());
            return new IncidentView(e.incidentId(), e.title(), "REPORTED", e.type().name(), e.seizingAgency(),
                    e.releasedTo().stream().sorted().toList(), List.copyOf(agencies), e.substanceName(), e.casNumber(),
                    e.table(), e.quantity(), e.unit().name(), e.place(), e.country(), e.occurredOn(),
                    e.concealmentMethod(), e.modusOperandi(), e.shipmentId(), e.tlp().label(), e.handlingCode().name(),
                    null, null, List.of(), version, at, AuditMetadata.actor(message.getMetaData()), at);
        }
        if (view == null) {
            return null;
        }
        String leadId = view.caseLeadId();
        String leadReason = view.caseLeadReason();
        List<String> cases = new ArrayList<>(view.linkedCases());
        if (payload instanceof IncidentCaseLeadProposedEvent e) {
            leadId = e.leadId();
            leadReason = e.reason();
        } else if (payload instanceof IncidentLinkedToCaseEvent e) {
            cases.add(e.caseId());
        } else if (!EvidenceFiles.ITEM_EVENTS.contains(payload.getClass())) {
            return view; // an evidence event is a version of the incident, though it changes nothing shown here
        }
        return new IncidentView(view.id(), view.title(), view.status(), view.type(), view.seizingAgency(),
                view.releasedTo(), view.agencies(), view.substanceName(), view.casNumber(), view.table(), view.quantity(),
                view.unit(), view.place(), view.country(), view.occurredOn(), view.concealmentMethod(),
                view.modusOperandi(), view.shipmentId(), view.tlp(), view.handlingCode(), leadId, leadReason,
                List.copyOf(cases), version, view.createdAt(), view.reportedBy(), at);
    }
}
