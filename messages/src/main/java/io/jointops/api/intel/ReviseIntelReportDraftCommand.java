package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency rewrites a draft or a returned report (the whole content); it becomes a draft again. */
public record ReviseIntelReportDraftCommand(@TargetAggregateIdentifier String reportId, String agency,
                                            IntelReportContent content) {
}
