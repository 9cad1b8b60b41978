package io.jointops.api.intel;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;

import java.util.List;
import java.util.Set;

/**
 * What an analyst writes in a report, as a draft or a revision of it.
 *
 * @param informationCredibility Admiralty code, 1 (confirmed) to 6 (cannot be judged)
 * @param handlingRestriction    the restrictions of an {@code H3} report, in words (empty for H0-H2)
 * @param entities               as written; intel-service fills in {@link IntelEntity#normalised()}
 * @param route                  for trafficking routes; may be null
 */
@NonPersonal
public record IntelReportContent(
        @Personal String title,
        @Personal String summary,
        @Personal String body,
        IntelCategory category,
        SourceReliability sourceReliability,
        int informationCredibility,
        Tlp tlp,
        HandlingCode handlingCode,
        String handlingRestriction,
        Set<String> releasedTo,
        List<IntelEntity> entities,
        List<IntelRelation> relations,
        TraffickingRoute route) {
}
