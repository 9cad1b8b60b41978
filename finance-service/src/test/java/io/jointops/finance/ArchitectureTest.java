package io.jointops.finance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering every service keeps, checked rather than hoped for. */
@AnalyzeClasses(packages = "io.jointops.finance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule decisionsDoNotDependOnSpring = noClasses().that().resideInAPackage("..command..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("aggregates are plain Java, testable with the Axon fixture alone");

    @ArchTest
    static final ArchRule commandHandlersArePackagePrivate = codeUnits().that().areAnnotatedWith(CommandHandler.class)
            .should().notBePublic().andShould().notBeProtected()
            .because("commands reach aggregates through the command bus only");

    @ArchTest
    static final ArchRule noDependencyOnAnotherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.jointops.cases..", "io.jointops.intel..", "io.jointops.chemicals..")
            .because("services share message contracts (io.jointops.api) and the platform, nothing else");

    @ArchTest
    static final ArchRule webDoesNotTouchStorage = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..", "org.springframework.jdbc..")
            .because("the web layer sends commands and reads views and history, never the stores themselves");
}
