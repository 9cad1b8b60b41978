package io.jointops.platform.test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps (STYLE.md): no service depends on another, aggregates hold no Spring, message
 * handlers are package-private, event handlers take events of the message contracts, and the web layer never reaches
 * into the stores.
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
                methods().that().areMetaAnnotatedWith("org.axonframework.eventhandling.EventHandler")
                        .should(takeAnEventOfTheContractsOrEveryEvent())
                        .because("a processor's stream carries only the contracts' events its handlers take"
                                + " (HandledPayloadTypes): a handler of any other type would never be called")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("..web..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                                "org.axonframework.eventhandling..", "org.springframework.jdbc..")
                        .because("the web layer sends commands and reads views and history, never the stores themselves"));
    }

    private static ArchCondition<JavaMethod> takeAnEventOfTheContractsOrEveryEvent() {
        return new ArchCondition<>("take an event of io.jointops.api (a @Revision record), or every event") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().isEmpty()) {
                    return; // a @ResetHandler
                }
                JavaClass payload = method.getRawParameterTypes().get(0);
                boolean contractEvent = payload.getPackageName().startsWith("io.jointops.api")
                        && payload.isAnnotatedWith("org.axonframework.serialization.Revision");
                boolean everyEvent = payload.isEquivalentTo(Object.class)
                        || payload.isAssignableTo("org.axonframework.eventhandling.EventMessage");
                if (!contractEvent && !everyEvent) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                            + payload.getName() + ", no event of the message contracts"));
                }
            }
        };
    }
}
