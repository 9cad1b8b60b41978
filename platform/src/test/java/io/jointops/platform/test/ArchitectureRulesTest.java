package io.jointops.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.platform.test.command.CommandCheckFixtures;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule on event handlers' payloads refuses a handler that no processor's stream would feed; the rule on command
 * checks refuses an aggregate's hand-written 'must be given' or text length, not a requirement under a condition.
 */
class ArchitectureRulesTest {

    static class ContractHandlers {
        @EventHandler
        void on(CaseOpenedEvent event) {
        }

        @EventHandler
        void on(DomainEventMessage<?> event) {
        }

        @EventHandler
        void on(Object payload, DomainEventMessage<?> message) {
        }

        @ResetHandler
        void reset() {
        }
    }

    static class HandlerOfAnUnknownType {
        @EventHandler
        void on(String notAnEvent) {
        }
    }

    final ArchRule rule = ArchitectureRules.rules("io.jointops.platform.test")
            .filter(r -> r.getDescription().contains("take an event of io.jointops.api"))
            .findFirst().orElseThrow();

    final ArchRule commandChecks = ArchitectureRules.rules("io.jointops.platform.test")
            .filter(r -> r.getDescription().contains("commands' constraints"))
            .findFirst().orElseThrow();

    @Test
    void aHandWrittenMustBeGivenOrTextLengthFailsARequirementUnderAConditionPasses() {
        assertThatThrownBy(() -> commandChecks.check(new ClassFileImporter().importClasses(
                CommandCheckFixtures.GivenByHand.class, CommandCheckFixtures.LengthByHand.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GivenByHand refuses by hand: 'must be given'")
                .hasMessageContaining("LengthByHand refuses by hand: 'must be at most N characters'");
        assertThatCode(() -> commandChecks.check(new ClassFileImporter().importClasses(
                CommandCheckFixtures.Conditional.class))).doesNotThrowAnyException();
    }

    /** A service whose aggregates moved elsewhere does not pass the rule by having no command package. */
    @Test
    void aServiceWithoutCommandsFailsTheRule() {
        assertThatThrownBy(() -> commandChecks.check(new ClassFileImporter().importClasses(ContractHandlers.class)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void handlersOfContractEventsOrOfEveryEventPass() {
        JavaClasses classes = new ClassFileImporter().importClasses(ContractHandlers.class);
        assertThatCode(() -> rule.check(classes)).doesNotThrowAnyException();
    }

    @Test
    void aHandlerOfAnotherTypeFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(HandlerOfAnUnknownType.class);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("takes java.lang.String");
    }
}
