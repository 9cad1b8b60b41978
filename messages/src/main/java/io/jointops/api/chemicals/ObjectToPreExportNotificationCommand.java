package io.jointops.api.chemicals;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The importing authority objects; the shipment is stopped. @param respondingAgency the caller's agency, from its token */
public record ObjectToPreExportNotificationCommand(@TargetAggregateIdentifier String notificationId, @Nullable String respondingAgency, @NotBlank @Size(max = 2000) String reason) {
}
