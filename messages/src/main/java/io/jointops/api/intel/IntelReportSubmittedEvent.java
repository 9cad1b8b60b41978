package io.jointops.api.intel;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
@NonPersonal
public record IntelReportSubmittedEvent(
        String reportId,
        @Personal String title,
        @Personal String summary,
        IntelCategory category,
        SourceReliability sourceReliability,
        int informationCredibility,
        Tlp tlp,
        HandlingCode handlingCode,
        String ownerAgency,
        List<String> releasedTo) {
}
