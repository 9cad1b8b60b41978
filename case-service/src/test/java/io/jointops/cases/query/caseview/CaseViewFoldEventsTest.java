package io.jointops.cases.query.caseview;

import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.command.EvidenceFiles;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view folds every event of the case (each raises the version a write waits for), and its processor reads only
 * the events the fold names: a new event of the aggregate must be named there too, and so are the evidence events
 * it applies to its stream (EvidenceFiles).
 */
class CaseViewFoldEventsTest {

    @Test
    void theViewFoldsEveryJointCaseEvent() {
        assertThat(CaseViewFold.EVENTS).containsExactlyInAnyOrderElementsOf(Stream.concat(ContractEvents.ALL.stream()
                .filter(type -> type.getPackageName().equals("io.jointops.api.cases"))
                .filter(type -> type.getSimpleName().startsWith("Case"))
                .filter(type -> !type.getSimpleName().startsWith("CaseLead"))
                .toList().stream(),
                EvidenceFiles.ITEM_EVENTS.stream()).toList());
    }
}
