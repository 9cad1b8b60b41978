package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** The report waits for a supervisor of the owner agency. */
@Revision("1")
@NonPersonal
public record IntelReportSubmittedForReleaseEvent(String reportId) {
}
