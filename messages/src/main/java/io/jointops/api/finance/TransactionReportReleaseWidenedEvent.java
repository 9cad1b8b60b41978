package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

/** The owner released the report to one more agency. */
@Revision("1")
public record TransactionReportReleaseWidenedEvent(String reportId, String agency) {
}
