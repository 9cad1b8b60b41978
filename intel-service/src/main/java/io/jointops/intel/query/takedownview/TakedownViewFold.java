package io.jointops.intel.query.takedownview;

import io.jointops.api.intel.TakedownAcknowledgedEvent;
import io.jointops.api.intel.TakedownContentReappearedEvent;
import io.jointops.api.intel.TakedownContentRemovedEvent;
import io.jointops.api.intel.TakedownRejectedEvent;
import io.jointops.api.intel.TakedownRequestedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.command.EvidenceFiles;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** A takedown's view from its events alone: used by the projector, one event at a time, and by {@code asOf}. Pure. */
public final class TakedownViewFold {

    private TakedownViewFold() {
    }

    static Optional<TakedownView> fold(List<? extends DomainEventMessage<?>> events) {
        TakedownView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = EvidenceFiles.withItemEvents(
            TakedownRequestedEvent.class,
            TakedownAcknowledgedEvent.class,
            TakedownContentRemovedEvent.class,
            TakedownRejectedEvent.class,
            TakedownContentReappearedEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    static TakedownView apply(TakedownView v, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof TakedownRequestedEvent requested) {
            Instant requestedAt = ItemEvents.asStored(requested.requestedAt());
            return new TakedownView(requested.takedownId(), requested.platform(), requested.url(),
                    List.of(requested.url()), requested.contentType().name(), requested.offence(),
                    requested.evidenceSha256(), ItemEvents.asStored(requested.evidenceCapturedAt()),
                    requested.legalBasis(), requested.requestingAgency(), "REQUESTED", null, 1, requestedAt,
                    requestedAt, null, null, null, null, null, version, AuditMetadata.actor(message.getMetaData()), at);
        }
        if (v == null) {
            return null;
        }
        if (payload instanceof TakedownAcknowledgedEvent acknowledged) {
            Instant when = ItemEvents.asStored(acknowledged.acknowledgedAt());
            return new TakedownView(v.id(), v.platform(), v.url(), v.urls(), v.contentType(), v.offence(),
                    v.evidenceSha256(), v.evidenceCapturedAt(), v.legalBasis(), v.requestingAgency(), "ACKNOWLEDGED",
                    v.rejectionReason(), v.round(), v.requestedAt(), v.openedAt(), when, v.removedAt(), v.rejectedAt(),
                    seconds(v.openedAt(), when), v.secondsToRemoval(), version, v.requestedBy(), at);
        }
        if (payload instanceof TakedownContentRemovedEvent removed) {
            Instant when = ItemEvents.asStored(removed.removedAt());
            return new TakedownView(v.id(), v.platform(), v.url(), v.urls(), v.contentType(), v.offence(),
                    v.evidenceSha256(), v.evidenceCapturedAt(), v.legalBasis(), v.requestingAgency(), "REMOVED",
                    v.rejectionReason(), v.round(), v.requestedAt(), v.openedAt(), v.acknowledgedAt(), when,
                    v.rejectedAt(), v.secondsToAcknowledge(), seconds(v.openedAt(), when), version, v.requestedBy(), at);
        }
        if (payload instanceof TakedownRejectedEvent rejected) {
            return new TakedownView(v.id(), v.platform(), v.url(), v.urls(), v.contentType(), v.offence(),
                    v.evidenceSha256(), v.evidenceCapturedAt(), v.legalBasis(), v.requestingAgency(), "REJECTED",
                    rejected.reason(), v.round(), v.requestedAt(), v.openedAt(), v.acknowledgedAt(), v.removedAt(),
                    ItemEvents.asStored(rejected.rejectedAt()), v.secondsToAcknowledge(), v.secondsToRemoval(),
                    version, v.requestedBy(), at);
        }
        if (payload instanceof TakedownContentReappearedEvent reappeared) {
            List<String> urls = new ArrayList<>(v.urls());
            urls.add(reappeared.url());
            // a new round: its acknowledgement and removal are still to come
            return new TakedownView(v.id(), v.platform(), reappeared.url(), List.copyOf(urls), v.contentType(),
                    v.offence(), v.evidenceSha256(), v.evidenceCapturedAt(), v.legalBasis(), v.requestingAgency(),
                    "REQUESTED", null, v.round() + 1, v.requestedAt(), ItemEvents.asStored(reappeared.seenAt()),
                    null, null, null, null, v.secondsToRemoval(), version, v.requestedBy(), at);
        }
        if (EvidenceFiles.ITEM_EVENTS.contains(payload.getClass())) {
            // a version of the takedown, though it changes nothing shown here
            return new TakedownView(v.id(), v.platform(), v.url(), v.urls(), v.contentType(), v.offence(),
                    v.evidenceSha256(), v.evidenceCapturedAt(), v.legalBasis(), v.requestingAgency(), v.status(),
                    v.rejectionReason(), v.round(), v.requestedAt(), v.openedAt(), v.acknowledgedAt(), v.removedAt(),
                    v.rejectedAt(), v.secondsToAcknowledge(), v.secondsToRemoval(), version, v.requestedBy(), at);
        }
        return v;
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
