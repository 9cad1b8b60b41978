package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** The owner agency releases a disseminated report to more agencies. Refused for anyone else. */
public record WidenIntelReportReleaseCommand(@TargetAggregateIdentifier String reportId, String agency,
                                             Set<String> addedAgencies) {
}
