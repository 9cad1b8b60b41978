package io.jointops.api.intel;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
        @Personal @NotBlank @Size(max = 200) String title,
        @Personal @Nullable @Size(max = 4000) String summary,
        @Personal @Nullable @Size(max = 100_000) String body,
        @NotNull IntelCategory category,
        @NotNull SourceReliability sourceReliability,
        int informationCredibility,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode,
        @Nullable @Size(max = 2000) String handlingRestriction,
        Set<String> releasedTo,
        List<@NotNull @Valid IntelEntity> entities,
        List<@NotNull @Valid IntelRelation> relations,
        @Nullable @Valid TraffickingRoute route) {
}
