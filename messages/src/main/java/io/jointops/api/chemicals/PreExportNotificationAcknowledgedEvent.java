package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PreExportNotificationAcknowledgedEvent(String notificationId, String importingAgency) {
}
