package io.jointops.chemicals;

import io.jointops.platform.test.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The layering every service keeps, checked rather than hoped for: the platform's rules, one test each. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsThePlatformRules() {
        return ArchitectureRules.tests("io.jointops.chemicals");
    }
}
