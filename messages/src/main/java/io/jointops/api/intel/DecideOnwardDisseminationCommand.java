package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency consents to, or refuses, a request to pass the report on. */
public record DecideOnwardDisseminationCommand(@TargetAggregateIdentifier String reportId, String requestId,
                                               String agency, boolean consent, String comment) {
}
