package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The importing authority has no objection. @param respondingAgency the caller's agency, from its token */
public record ClearPreExportNotificationCommand(@TargetAggregateIdentifier String notificationId, @Nullable String respondingAgency) {
}
