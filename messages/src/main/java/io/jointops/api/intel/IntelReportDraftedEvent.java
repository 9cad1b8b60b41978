package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A report was drafted; {@code content} holds the entities normalised and the release sorted. */
@Revision("1")
@NonPersonal
public record IntelReportDraftedEvent(String reportId, String ownerAgency, IntelReportContent content) {
}
