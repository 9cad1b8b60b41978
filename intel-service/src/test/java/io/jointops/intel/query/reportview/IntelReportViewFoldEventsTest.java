package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelReportReadEvent;
import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.command.EvidenceFiles;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view folds every event of the report (each raises the version a write waits for), and its processor reads only
 * the events the fold names: a new event of the aggregate must be named there too, and so are the evidence events
 * it applies to its stream (EvidenceFiles). A read of a report is published
 * on its own, outside the report's stream, and is no version of it.
 */
class IntelReportViewFoldEventsTest {

    @Test
    void theViewFoldsEveryIntelReportEvent() {
        assertThat(IntelReportViewFold.EVENTS).containsExactlyInAnyOrderElementsOf(Stream.concat(ContractEvents.ALL.stream()
                .filter(type -> type.getPackageName().equals("io.jointops.api.intel"))
                .filter(type -> type.getSimpleName().startsWith("IntelReport")
                        || type.getSimpleName().startsWith("OnwardDissemination"))
                .filter(type -> type != IntelReportReadEvent.class)
                .toList().stream(),
                EvidenceFiles.ITEM_EVENTS.stream()).toList());
    }
}
