package io.jointops.cases;

import io.jointops.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePlatformRules() {
        ArchitectureRules.check("io.jointops.cases");
    }
}
