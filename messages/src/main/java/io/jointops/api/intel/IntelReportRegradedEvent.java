package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record IntelReportRegradedEvent(String reportId, SourceReliability sourceReliability,
                                       int informationCredibility, @Personal String reason) {
}
