package io.jointops.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps (STYLE.md): no service depends on another, aggregates hold no Spring, message
 * handlers are package-private, and the web layer never reaches into the event store.
 * A service applies them with {@code ArchitectureRules.check("io.jointops.cases")}.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("io.jointops.cases", "io.jointops.intel",
            "io.jointops.finance", "io.jointops.chemicals", "io.jointops.gateway");

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        rules(servicePackage).forEach(rule -> rule.check(classes));
    }

    static Stream<ArchRule> rules(String servicePackage) {
        String[] otherServices = SERVICES.stream().filter(p -> !p.equals(servicePackage))
                .map(p -> p + "..").toArray(String[]::new);
        return Stream.of(
                noClasses().that().resideInAPackage(servicePackage + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .because("services talk only through commands and events"),
                noClasses().that().resideInAPackage(servicePackage + ".command..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                        .because("aggregates are plain domain code"),
                methods().that().areAnnotatedWith("org.axonframework.commandhandling.CommandHandler")
                        .or().areAnnotatedWith("org.axonframework.eventhandling.EventHandler")
                        .or().areAnnotatedWith("org.axonframework.eventsourcing.EventSourcingHandler")
                        .should().notHaveModifier(JavaModifier.PUBLIC)
                        .because("handlers are called by Axon, never by other code")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(servicePackage + ".web..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "org.axonframework.eventsourcing..", "org.axonframework.eventhandling.tokenstore..")
                        .because("the web layer sends commands and reads views, never the event store directly"));
    }
}
