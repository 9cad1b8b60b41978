package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor of the owner agency sends the report back to its authors with comments. */
public record ReturnIntelReportCommand(@TargetAggregateIdentifier String reportId, String agency, String comments) {
}
