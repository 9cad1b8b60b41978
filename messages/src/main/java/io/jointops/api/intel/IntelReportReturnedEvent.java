package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** The report went back to its authors, with the supervisor's comments. */
@Revision("1")
public record IntelReportReturnedEvent(String reportId, String comments) {
}
