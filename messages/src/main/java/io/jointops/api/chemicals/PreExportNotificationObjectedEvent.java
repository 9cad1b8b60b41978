package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record PreExportNotificationObjectedEvent(String notificationId, String importingAgency,
                                                 @Personal String reason) {
}
