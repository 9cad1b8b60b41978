package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** The owner released the report to one more agency. */
@Revision("1")
@NonPersonal
public record TransactionReportReleaseWidenedEvent(String reportId, String agency) {
}
