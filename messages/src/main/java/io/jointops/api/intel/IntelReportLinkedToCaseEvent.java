package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * intel-service confirmed that a report may be linked to a case.
 * <p>
 * Revision 2 added {@code status}; revision-1 events are upcast with {@code DISSEMINATED}, the status every report
 * had then (it was shared the moment it was submitted).
 *
 * @param status the report's {@link IntelReportStatus} name when it was linked
 */
@Revision("2")
@NonPersonal
public record IntelReportLinkedToCaseEvent(String reportId, String caseId, @Personal String title, String status) {
}
