package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The owner withdrew the report: partners must stop relying on it. */
@Revision("1")
@NonPersonal
public record IntelReportWithdrawnEvent(String reportId, @Personal String reason) {
}
