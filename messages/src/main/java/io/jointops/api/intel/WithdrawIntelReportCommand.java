package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner agency withdraws a disseminated report; the partners keep seeing it, marked withdrawn. */
public record WithdrawIntelReportCommand(@TargetAggregateIdentifier String reportId, String agency, String reason) {
}
