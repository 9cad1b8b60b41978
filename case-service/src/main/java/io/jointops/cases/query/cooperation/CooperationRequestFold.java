package io.jointops.cases.query.cooperation;

import io.jointops.api.cases.CooperationRequestAcknowledgedEvent;
import io.jointops.api.cases.CooperationRequestAnsweredEvent;
import io.jointops.api.cases.CooperationRequestDeclinedEvent;
import io.jointops.api.cases.CooperationRequestEscalatedEvent;
import io.jointops.api.cases.CooperationRequestOverdueEvent;
import io.jointops.api.cases.CooperationRequestReminderIssuedEvent;
import io.jointops.api.cases.CooperationRequestSentEvent;
import io.jointops.api.cases.CooperationRequestWithdrawnEvent;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one function that turns a request's events into its view: the projector applies it event by event to the
 * stored row, and {@code ?asOf=} folds the events up to an instant with it, so both agree by construction. Pure.
 */
public final class CooperationRequestFold {

    /** The events of the aggregate; each one the view takes (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            CooperationRequestSentEvent.class,
            CooperationRequestAcknowledgedEvent.class,
            CooperationRequestAnsweredEvent.class,
            CooperationRequestDeclinedEvent.class,
            CooperationRequestWithdrawnEvent.class,
            CooperationRequestReminderIssuedEvent.class,
            CooperationRequestOverdueEvent.class,
            CooperationRequestEscalatedEvent.class);

    private CooperationRequestFold() {
    }

    static Optional<CooperationRequestView> fold(List<? extends DomainEventMessage<?>> events) {
        CooperationRequestView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.ofNullable(view);
    }

    /** The view after {@code payload}, the request's event number {@code version} stored at {@code timestamp}. */
    static CooperationRequestView apply(CooperationRequestView v, Object payload, long version, Instant timestamp) {
        Instant at = ItemEvents.asStored(timestamp);
        if (payload instanceof CooperationRequestSentEvent e) {
            return new CooperationRequestView(e.requestId(), e.caseId(), e.requestingAgency(), e.receivingAgency(),
                    e.type().name(), e.legalBasis(), e.priority().name(), e.question(), List.copyOf(e.attachments()),
                    List.of(), "SENT", null, stored(e.responseDue()), stored(e.remindAt()), stored(e.escalateAt()),
                    false, false, false, e.sentBy(), at, null, null, version, at);
        }
        if (v == null) {
            return null;
        }
        String status = v.status();
        String reason = v.statusReason();
        List<CooperationRequestView.Answer> answers = v.answers();
        boolean reminded = v.reminded();
        boolean overdue = v.overdue();
        boolean escalated = v.escalated();
        String acknowledgedBy = v.acknowledgedBy();
        Instant acknowledgedAt = v.acknowledgedAt();
        if (payload instanceof CooperationRequestAcknowledgedEvent e) {
            status = "ACKNOWLEDGED";
            acknowledgedBy = e.acknowledgedBy();
            acknowledgedAt = at;
        } else if (payload instanceof CooperationRequestAnsweredEvent e) {
            status = e.complete() ? "ANSWERED" : "PARTIALLY_ANSWERED";
            List<CooperationRequestView.Answer> more = new ArrayList<>(answers);
            more.add(new CooperationRequestView.Answer(e.answer(), e.complete(), List.copyOf(e.attachments()),
                    e.answeredBy(), e.agency(), at));
            answers = List.copyOf(more);
        } else if (payload instanceof CooperationRequestDeclinedEvent e) {
            status = "DECLINED";
            reason = e.reason();
        } else if (payload instanceof CooperationRequestWithdrawnEvent e) {
            status = "WITHDRAWN";
            reason = e.reason();
        } else if (payload instanceof CooperationRequestReminderIssuedEvent) {
            reminded = true;
        } else if (payload instanceof CooperationRequestOverdueEvent) {
            overdue = true;
        } else if (payload instanceof CooperationRequestEscalatedEvent) {
            escalated = true;
        }
        return new CooperationRequestView(v.id(), v.caseId(), v.requestingAgency(), v.receivingAgency(), v.type(),
                v.legalBasis(), v.priority(), v.question(), v.attachments(), answers, status, reason, v.responseDue(),
                v.remindAt(), v.escalateAt(), reminded, overdue, escalated, v.sentBy(), v.sentAt(), acknowledgedBy,
                acknowledgedAt, version, at);
    }

    private static Instant stored(Instant instant) {
        return instant == null ? null : ItemEvents.asStored(instant);
    }
}
