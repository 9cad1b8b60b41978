package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The report went back to its authors, with the supervisor's comments. */
@Revision("1")
@NonPersonal
public record IntelReportReturnedEvent(String reportId, @Personal String comments) {
}
