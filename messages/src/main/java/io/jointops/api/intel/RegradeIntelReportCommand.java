package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency changes the Admiralty grading; every earlier grade stays in the report's history. */
public record RegradeIntelReportCommand(@TargetAggregateIdentifier String reportId, String agency,
                                        SourceReliability sourceReliability, int informationCredibility,
                                        String reason) {
}
