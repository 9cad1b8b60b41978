package io.jointops.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps (STYLE.md): no service depends on another, aggregates hold no Spring, message
 * handlers are package-private, and the web layer never reaches into the stores.
 * A service applies them, one test per rule, with
 * {@code @TestFactory Stream<DynamicTest> rules() { return ArchitectureRules.tests("io.jointops.cases"); }}.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("io.jointops.cases", "io.jointops.intel",
            "io.jointops.finance", "io.jointops.chemicals", "io.jointops.gateway");

    private ArchitectureRules() {
    }

    /** One test per rule, over the service's production classes. */
    public static Stream<DynamicTest> tests(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        return rules(servicePackage).map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    static Stream<ArchRule> rules(String servicePackage) {
        String[] otherServices = SERVICES.stream().filter(p -> !p.equals(servicePackage))
                .map(p -> p + "..").toArray(String[]::new);
        return Stream.of(
                noClasses().that().resideInAPackage(servicePackage + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .because("services share message contracts (io.jointops.api) and the platform, nothing else"),
                noClasses().that().resideInAPackage("..command..")
                        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                        .because("aggregates are plain Java, testable with the Axon fixture alone"),
                codeUnits().that().areAnnotatedWith("org.axonframework.commandhandling.CommandHandler")
                        .or().areAnnotatedWith("org.axonframework.eventhandling.EventHandler")
                        .or().areAnnotatedWith("org.axonframework.eventsourcing.EventSourcingHandler")
                        .should().notBePublic().andShould().notBeProtected()
                        .because("handlers are called by Axon, never by other code")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("..web..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                                "org.axonframework.eventhandling..", "org.springframework.jdbc..")
                        .because("the web layer sends commands and reads views and history, never the stores themselves"));
    }
}
