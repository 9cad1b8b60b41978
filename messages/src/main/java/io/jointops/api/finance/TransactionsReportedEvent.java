package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A batch of a report's transactions, applied together with the report's filing (same unit of work, all or none).
 * Batches keep each stored event small even for reports of thousands of transactions.
 *
 * @param firstIndex the index, in the report, of the batch's first transaction
 */
@Revision("1")
@NonPersonal
public record TransactionsReportedEvent(String reportId, int firstIndex, List<ReportedTransaction> transactions) {
}
