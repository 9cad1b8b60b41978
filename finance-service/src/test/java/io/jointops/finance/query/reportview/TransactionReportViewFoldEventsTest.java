package io.jointops.finance.query.reportview;

import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.command.EvidenceFiles;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view folds every event of the report (each raises the version a write waits for), and its processor reads only
 * the events the fold names: a new event of the aggregate must be named there too, and so are the evidence events
 * it applies to its stream (EvidenceFiles).
 */
class TransactionReportViewFoldEventsTest {

    @Test
    void theViewFoldsEveryTransactionReportEvent() {
        assertThat(TransactionReportViewFold.EVENTS).containsExactlyInAnyOrderElementsOf(Stream.concat(ContractEvents.ALL.stream()
                .filter(type -> type.getPackageName().equals("io.jointops.api.finance"))
                .filter(type -> type.getSimpleName().matches("(SuspiciousTransactionReport|TransactionReport|Transactions).*"))
                .toList().stream(),
                EvidenceFiles.ITEM_EVENTS.stream()).toList());
    }
}
