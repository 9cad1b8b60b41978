package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The importing authority confirms receipt; only it may. @param respondingAgency the caller's agency, from its token */
public record AcknowledgePreExportNotificationCommand(@TargetAggregateIdentifier String notificationId, @Nullable String respondingAgency) {
}
