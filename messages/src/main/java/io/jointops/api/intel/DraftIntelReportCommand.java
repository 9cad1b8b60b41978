package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An analyst of {@code ownerAgency} drafts a report; nobody else sees it until it is approved and disseminated. */
public record DraftIntelReportCommand(@TargetAggregateIdentifier String reportId, String ownerAgency,
                                      IntelReportContent content) {
}
