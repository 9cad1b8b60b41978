package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** A supervisor of the owner agency approved the release; {@link IntelReportDisseminatedEvent} follows. */
@Revision("1")
public record IntelReportApprovedEvent(String reportId) {
}
