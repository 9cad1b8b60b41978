package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the response process when the window has passed: the notification is marked "no reply" unless answered. */
public record RecordPreExportNotificationNoReplyCommand(@TargetAggregateIdentifier String notificationId) {
}
