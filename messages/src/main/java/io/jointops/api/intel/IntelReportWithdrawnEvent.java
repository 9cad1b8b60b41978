package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** The owner withdrew the report: partners must stop relying on it. */
@Revision("1")
public record IntelReportWithdrawnEvent(String reportId, String reason) {
}
