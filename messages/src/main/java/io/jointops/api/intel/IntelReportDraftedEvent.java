package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** A report was drafted; {@code content} holds the entities normalised and the release sorted. */
@Revision("1")
public record IntelReportDraftedEvent(String reportId, String ownerAgency, IntelReportContent content) {
}
