package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

@Revision("1")
public record IntelReportLinkedToCaseEvent(String reportId, String caseId, String title) {
}
