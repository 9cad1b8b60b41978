package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the owner agency (the role is checked by the web layer) approves the release. */
public record ApproveIntelReportCommand(@TargetAggregateIdentifier String reportId, String agency) {
}
