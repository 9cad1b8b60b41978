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
import org.springframework.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps (STYLE.md): no service depends on another, aggregates hold no Spring, message
 * handlers are package-private, event handlers take events of the message contracts, the web layer never reaches
 * into the stores, and no aggregate checks by hand what its command's constraints state (a text that must be given,
 * a value that must be given, a text's length: CommandValidation checks them, CommandConstraintsTest keeps every
 * command's texts declared).
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
                        .because("the web layer sends commands and reads views and history, never the stores themselves"),
                classes().that().resideInAPackage(servicePackage + ".command..")
                        .should(leaveToTheCommandsConstraints())
                        .because("CommandValidation checks the command records' @NotBlank, @NotNull and @Size before any"
                                + " handler runs: a hand-written 'must be given' check is a second way, and drifts")
                        // the gateway has no aggregates; every other service must have some for the rule to hold
                        .allowEmptyShould(servicePackage.equals("io.jointops.gateway")));
    }

    /**
     * The refusals the command records' constraints state, in CommandValidation's words: a class that holds one of
     * these texts refuses by hand what its command should say. A refusal under a condition says more ("must be given
     * with a threshold quantity") and is the aggregate's to make.
     */
    static final Pattern CONSTRAINTS_WORDS = Pattern.compile(
            "must be given|must be given: .*|must not be blank|must be at most (\\d+|\u0001) characters");

    private static ArchCondition<JavaClass> leaveToTheCommandsConstraints() {
        return new ArchCondition<>("leave 'must be given', 'must not be blank' and text lengths to the commands' constraints") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String text : stringConstants(javaClass)) {
                    if (CONSTRAINTS_WORDS.matcher(text).matches()) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " refuses by hand: '"
                                + text.replace('\u0001', 'N') + "'; state it on the command record"));
                    }
                }
            }
        };
    }

    /** Every string constant of a class's file: its literals, and the recipes of its string concatenations. */
    static List<String> stringConstants(JavaClass javaClass) {
        String resource = javaClass.getName().replace('.', '/') + ".class";
        try (InputStream in = javaClass.reflect().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            ClassReader reader = new ClassReader(in);
            List<String> constants = new ArrayList<>();
            char[] buffer = new char[reader.getMaxStringLength()];
            for (int item = 1; item < reader.getItemCount(); item++) {
                int offset = reader.getItem(item);
                if (offset > 0 && reader.readByte(offset - 1) == 8) { // CONSTANT_String
                    constants.add((String) reader.readConst(item, buffer));
                }
            }
            return constants;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
