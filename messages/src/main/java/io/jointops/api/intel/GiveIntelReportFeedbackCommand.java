package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency the report was disseminated to tells the owner what it found. */
public record GiveIntelReportFeedbackCommand(@TargetAggregateIdentifier String reportId, String agency,
                                             FeedbackKind kind, String comment) {
}
