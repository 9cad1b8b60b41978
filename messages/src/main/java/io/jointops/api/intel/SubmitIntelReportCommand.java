package io.jointops.api.intel;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * @param informationCredibility Admiralty code, 1 (confirmed) to 6 (cannot be judged)
 */
public record SubmitIntelReportCommand(
        @TargetAggregateIdentifier String reportId,
        String title,
        String summary,
        IntelCategory category,
        SourceReliability sourceReliability,
        int informationCredibility,
        Tlp tlp,
        HandlingCode handlingCode,
        String ownerAgency,
        Set<String> releasedTo) {
}
