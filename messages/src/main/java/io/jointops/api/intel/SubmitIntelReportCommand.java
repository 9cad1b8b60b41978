package io.jointops.api.intel;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * No longer handled: reports are drafted ({@link DraftIntelReportCommand}) and disseminated only once a supervisor of
 * the owner agency approves them. Kept because {@link IntelReportSubmittedEvent}, which it used to produce, is stored
 * and still read (such reports count as disseminated).
 *
 * @param informationCredibility Admiralty code, 1 (confirmed) to 6 (cannot be judged)
 */
@Deprecated
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
