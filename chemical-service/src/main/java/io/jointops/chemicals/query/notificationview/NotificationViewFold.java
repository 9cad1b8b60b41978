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

/**
 * A notification's view rebuilt from its events alone, exactly as {@link NotificationViewProjector} and
 * {@link NotificationViews} would show it after those events: the state of a notification at an earlier instant. Pure.
 */
final class NotificationViewFold {

    private NotificationViewFold() {
    }

    /** The view after {@code events} (one notification's, in stream order); empty if they do not file one. */
    static Optional<NotificationView> fold(List<? extends DomainEventMessage<?>> events) {
        NotificationView view = null;
        for (DomainEventMessage<?> message : events) {
            long version = message.getSequenceNumber();
            Instant at = ItemEvents.asStored(message.getTimestamp());
            if (message.getPayload() instanceof PreExportNotificationFiledEvent filed) {
                view = new NotificationView(filed.notificationId(), filed.exportingAgency(), filed.importingAgency(),
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
            } else if (view != null && message.getPayload() instanceof PreExportNotificationAcknowledgedEvent) {
                view = with(view, version, at, "ACKNOWLEDGED", at, view.answeredAt(), view.objectionReason(),
                        view.escalatedTo(), view.escalatedAt());
            } else if (view != null && message.getPayload() instanceof PreExportNotificationClearedEvent) {
                view = with(view, version, at, "CLEARED", view.acknowledgedAt(), at, null, view.escalatedTo(),
                        view.escalatedAt());
            } else if (view != null && message.getPayload() instanceof PreExportNotificationObjectedEvent objected) {
                view = with(view, version, at, "OBJECTED", view.acknowledgedAt(), at, objected.reason(),
                        view.escalatedTo(), view.escalatedAt());
            } else if (view != null && message.getPayload() instanceof PreExportNotificationUnansweredEvent unanswered) {
                view = with(view, version, at, "NO_REPLY", view.acknowledgedAt(), view.answeredAt(),
                        view.objectionReason(), unanswered.escalatedTo().stream().sorted().toList(), at);
            }
        }
        return Optional.ofNullable(view);
    }

    /** The view after a response or an escalation; the projector writes the same columns. */
    static NotificationView with(NotificationView view, long version, Instant at, String status, Instant acknowledgedAt,
                                 Instant answeredAt, String objectionReason, List<String> escalatedTo,
                                 Instant escalatedAt) {
        return new NotificationView(view.id(), view.exportingAgency(), view.importingAgency(), view.exporter(),
                view.importer(), view.consignee(), view.substanceName(), view.casNumber(), view.quantity(), view.unit(),
                view.expectedDispatchDate(), view.pointOfEntry(), view.exportLicenceNumber(), view.tlp(),
                view.handlingCode(), version, view.filedAt(), view.filedBy(), at, status, view.mixturePercentage(),
                view.transportMode(), view.route(), view.responseDueBy(), acknowledgedAt, answeredAt, objectionReason,
                escalatedTo, escalatedAt);
    }
}
