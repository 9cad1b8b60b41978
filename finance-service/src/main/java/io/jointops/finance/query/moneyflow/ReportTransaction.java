package io.jointops.finance.query.moneyflow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One transaction of a report as the graph holds it: each side by its resolved node, name and country. */
public record ReportTransaction(int index, String number, LocalDate date, BigDecimal amount, String currency,
                                String mode, FlowNode from, FlowNode to) {
}
