package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A draft or returned report was rewritten; it is a draft again. May change the title. */
@Revision("1")
@NonPersonal
public record IntelReportDraftRevisedEvent(String reportId, IntelReportContent content) {
}
