package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.util.Set;

/**
 * More agencies may see a disseminated report: the owner widened its release, or consented to an onward
 * dissemination. Published for every widening, whatever the reason, so consumers follow the audience from one event.
 *
 * @param addedAgencies the agencies that may see the report from now on
 */
@Revision("1")
@NonPersonal
public record IntelReportReleaseWidenedEvent(String reportId, Set<String> addedAgencies) {
}
