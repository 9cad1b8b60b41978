package io.jointops.intel.command;

import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.deconfliction.DeconflictionNoticeIssuedEvent;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.api.deconfliction.NoteDeconflictionMatchCommand;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jointops.api.shared.Identifies.Kind.ORGANISATION_NAME;
import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;

/** A notice says each own identifier once, again only for a stronger rule: matches may be noted any number of times. */
class DeconflictionTest {

    private static final String ID = "deconfliction-1";
    private static final ItemRef SHIPMENT = new ItemRef("chemicals", "Shipment", "s1");
    private static final String CONTACT = "US-DEA deconfliction (DICE), dice@dea.example.gov";
    private static final DeconflictionMatch PINYIN =
            new DeconflictionMatch(PERSON_NAME, "consignee.name", "张伟", "pinyin", "similar");
    private static final DeconflictionMatch EXACT =
            new DeconflictionMatch(PERSON_NAME, "consignee.name", "张伟", "exact", "exact");
    private static final DeconflictionMatch PHONE =
            new DeconflictionMatch(PHONE_NUMBER, "content.entities[0].value", "(202) 555-0143", "e164", "equivalent");

    private AggregateTestFixture<Deconfliction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deconfliction.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    private static NoteDeconflictionMatchCommand note(DeconflictionMatch match) {
        return new NoteDeconflictionMatchCommand(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, match);
    }

    @Test
    void theFirstMatchIssuesTheNotice() {
        fixture.givenNoPriorActivity()
                .when(note(PINYIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, PINYIN));
    }

    @Test
    void theSameMatchNotedAgainAddsNothing() {
        fixture.given(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, PINYIN))
                .when(note(PINYIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWeakerRuleForAnIdentifierAlreadyNotedAddsNothing() {
        fixture.given(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, EXACT))
                .when(note(PINYIN))
                .expectNoEvents();
    }

    @Test
    void theSameValueMatchedAsAnotherKindAddsNothing() {
        fixture.given(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, PINYIN))
                .when(note(new DeconflictionMatch(ORGANISATION_NAME, "consignee.name", "张伟", "pinyin", "similar")))
                .expectNoEvents();
    }

    @Test
    void aStrongerRuleOrAnotherIdentifierIsAdded() {
        fixture.given(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, PINYIN))
                .when(note(EXACT))
                .expectEvents(new DeconflictionMatchAddedEvent(ID, "CN-NNCC", EXACT));
        fixture.given(new DeconflictionNoticeIssuedEvent(ID, "CN-NNCC", SHIPMENT, "US-DEA", CONTACT, PINYIN),
                        new DeconflictionMatchAddedEvent(ID, "CN-NNCC", PHONE))
                .when(note(PHONE))
                .expectNoEvents();
    }
}
