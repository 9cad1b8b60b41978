package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * The importing authority neither cleared nor objected within its response window: the notification is "no reply"
 * and escalated to the supervisors of both agencies.
 *
 * @param escalatedTo the agencies whose supervisors must follow it up: the exporting and the importing agency
 */
@Revision("1")
@NonPersonal
public record PreExportNotificationUnansweredEvent(String notificationId, Instant responseDueBy, Set<String> escalatedTo) {
}
