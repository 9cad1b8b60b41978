package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A supervisor of the owner agency approved the release; {@link IntelReportDisseminatedEvent} follows. */
@Revision("1")
@NonPersonal
public record IntelReportApprovedEvent(String reportId) {
}
