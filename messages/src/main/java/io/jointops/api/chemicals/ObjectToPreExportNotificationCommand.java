package io.jointops.api.chemicals;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The importing authority objects; the shipment is stopped. @param respondingAgency the caller's agency, from its token */
public record ObjectToPreExportNotificationCommand(@TargetAggregateIdentifier String notificationId, String respondingAgency, String reason) {
}
