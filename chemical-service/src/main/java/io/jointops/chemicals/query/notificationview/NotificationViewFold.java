package io.jointops.chemicals.query.notificationview;

import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
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
                        AuditMetadata.actor(message.getMetaData()), at);
            }
        }
        return Optional.ofNullable(view);
    }
}
