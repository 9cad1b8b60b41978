package io.jointops.chemicals.query.notificationview;

import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.query.ItemEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A notification's view from its events: the projector applies one event at a time to the stored record, and
 * {@code ?asOf=} folds the events up to an instant, with the same function. Pure.
 */
public final class NotificationViewFold {

    private NotificationViewFold() {
    }

    /** The view after {@code events} (one notification's, in stream order); empty if they do not file one. */
    static Optional<NotificationView> fold(List<? extends DomainEventMessage<?>> events) {
        NotificationView view = null;
        for (DomainEventMessage<?> event : events) {
            view = apply(view, event);
        }
        return Optional.ofNullable(view);
    }

    /** The events this fold applies (its projector reads only these). */
    public static final Set<Class<?>> EVENTS = Set.of(
            PreExportNotificationFiledEvent.class,
            PreExportNotificationAcknowledgedEvent.class,
            PreExportNotificationClearedEvent.class,
            PreExportNotificationObjectedEvent.class,
            PreExportNotificationUnansweredEvent.class);

    static boolean handles(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** The view after {@code message}; {@code view} is null before the notification is filed. */
    static NotificationView apply(NotificationView view, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = ItemEvents.asStored(message.getTimestamp());
        Object payload = message.getPayload();
        if (payload instanceof PreExportNotificationFiledEvent filed) {
            return new NotificationView(filed.notificationId(), filed.exportingAgency(), filed.importingAgency(),
                    filed.exporter(), filed.importer(), filed.consignee(), filed.substanceName(),
                    filed.casNumber(), NotificationViews.quantity(filed.quantity()), filed.unit().name(),
                    filed.expectedDispatchDate(), filed.pointOfEntry(), filed.exportLicenceNumber(),
                    filed.tlp().label(), filed.handlingCode().name(), version, at,
                    AuditMetadata.actor(message.getMetaData()), at, "FILED",
                    filed.mixturePercentage() == null ? null : NotificationViews.percentage(filed.mixturePercentage()),
                    filed.transportMode() == null ? null : filed.transportMode().name(),
                    filed.route() == null ? List.of() : filed.route(),
                    filed.responseDueBy() == null ? null : ItemEvents.asStored(filed.responseDueBy()),
                    null, null, null, null, null);
        }
        if (view == null) {
            return null;
        }
        if (payload instanceof PreExportNotificationAcknowledgedEvent) {
            return with(view, version, at, "ACKNOWLEDGED", at, view.answeredAt(), view.objectionReason(),
                    view.escalatedTo(), view.escalatedAt());
        }
        if (payload instanceof PreExportNotificationClearedEvent) {
            return with(view, version, at, "CLEARED", view.acknowledgedAt(), at, null, view.escalatedTo(),
                    view.escalatedAt());
        }
        if (payload instanceof PreExportNotificationObjectedEvent objected) {
            return with(view, version, at, "OBJECTED", view.acknowledgedAt(), at, objected.reason(),
                    view.escalatedTo(), view.escalatedAt());
        }
        if (payload instanceof PreExportNotificationUnansweredEvent unanswered) {
            return with(view, version, at, "NO_REPLY", view.acknowledgedAt(), view.answeredAt(),
                    view.objectionReason(), unanswered.escalatedTo().stream().sorted().toList(), at);
        }
        return view;
    }

    /** The view after a response or an escalation. */
    private static NotificationView with(NotificationView view, long version, Instant at, String status,
                                         Instant acknowledgedAt, Instant answeredAt, String objectionReason,
                                         List<String> escalatedTo, Instant escalatedAt) {
        return new NotificationView(view.id(), view.exportingAgency(), view.importingAgency(), view.exporter(),
                view.importer(), view.consignee(), view.substanceName(), view.casNumber(), view.quantity(), view.unit(),
                view.expectedDispatchDate(), view.pointOfEntry(), view.exportLicenceNumber(), view.tlp(),
                view.handlingCode(), version, view.filedAt(), view.filedBy(), at, status, view.mixturePercentage(),
                view.transportMode(), view.route(), view.responseDueBy(), acknowledgedAt, answeredAt, objectionReason,
                escalatedTo, escalatedAt);
    }
}
