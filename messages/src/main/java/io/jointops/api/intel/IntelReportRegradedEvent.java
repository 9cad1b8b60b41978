package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

@Revision("1")
public record IntelReportRegradedEvent(String reportId, SourceReliability sourceReliability,
                                       int informationCredibility, String reason) {
}
