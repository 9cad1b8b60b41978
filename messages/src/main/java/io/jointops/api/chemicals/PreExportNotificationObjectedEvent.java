package io.jointops.api.chemicals;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PreExportNotificationObjectedEvent(String notificationId, String importingAgency, String reason) {
}
