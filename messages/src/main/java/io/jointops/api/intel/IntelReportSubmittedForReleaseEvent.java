package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** The report waits for a supervisor of the owner agency. */
@Revision("1")
public record IntelReportSubmittedForReleaseEvent(String reportId) {
}
