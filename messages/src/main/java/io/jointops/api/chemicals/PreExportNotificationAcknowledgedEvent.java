package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record PreExportNotificationAcknowledgedEvent(String notificationId, String importingAgency) {
}
