package io.jointops.api.intel;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** The owner agency releases a disseminated report to more agencies. Refused for anyone else. */
public record WidenIntelReportReleaseCommand(@TargetAggregateIdentifier String reportId, @Nullable String agency,
                                             Set<String> addedAgencies) {
}
