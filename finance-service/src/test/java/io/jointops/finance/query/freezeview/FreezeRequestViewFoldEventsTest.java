package io.jointops.finance.query.freezeview;

import io.jointops.platform.axon.ContractEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view folds every event of the freeze request (each raises the version a write waits for), and its processor
 * reads only the events the fold names: a new event of the aggregate must be named there too.
 */
class FreezeRequestViewFoldEventsTest {

    @Test
    void theViewFoldsEveryFreezeRequestEvent() {
        assertThat(FreezeRequestViewFold.EVENTS).containsExactlyInAnyOrderElementsOf(ContractEvents.ALL.stream()
                .filter(type -> type.getPackageName().equals("io.jointops.api.finance"))
                .filter(type -> type.getSimpleName().startsWith("Freeze"))
                .toList());
    }
}
