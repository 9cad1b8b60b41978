package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Set;

/**
 * An approved report reached the agencies it is released to. Other services (e.g. chemical-service's risk indicators)
 * learn from this event, {@link IntelReportReleaseWidenedEvent} and {@link IntelReportWithdrawnEvent} which agencies
 * may see which entities.
 *
 * @param releasedTo the agencies that may now see the report, besides the owner
 * @param entities   every entity the report names, normalised
 */
@Revision("1")
@NonPersonal
public record IntelReportDisseminatedEvent(
        String reportId,
        @Personal String title,
        String ownerAgency,
        Set<String> releasedTo,
        List<IntelEntity> entities) {
}
