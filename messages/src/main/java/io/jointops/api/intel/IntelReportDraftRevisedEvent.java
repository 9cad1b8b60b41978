package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** A draft or returned report was rewritten; it is a draft again. May change the title. */
@Revision("1")
public record IntelReportDraftRevisedEvent(String reportId, IntelReportContent content) {
}
