package io.jointops.cases.command;

import io.jointops.api.cases.AddCaseSubjectCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseSubjectAddedEvent;
import io.jointops.api.cases.CaseSubjectRemovedEvent;
import io.jointops.api.cases.ClosingReason;
import io.jointops.api.cases.RemoveCaseSubjectCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies.Kind;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jointops.platform.test.Rejections.rejected;

/** A case's subjects: named normalised by whoever acts on the case, refused when no identifier of their kind. */
class JointCaseSubjectsTest {

    private static final String ID = "case-1";
    private static final EventMessage<CaseOpenedEvent> OPENED = GenericEventMessage.<CaseOpenedEvent>asEventMessage(
                    new CaseOpenedEvent(ID, "Route X", "summary", "CN-NNCC", List.of("US-DEA"), Tlp.AMBER, HandlingCode.H1))
            .andMetaData(Map.of("actor", "cn.investigator"));
    private static final CaseActor OPENER = new CaseActor("cn.investigator", "CN-NNCC", false);
    private static final CaseActor CN_ANALYST = new CaseActor("cn.analyst", "CN-NNCC", false);
    private static final CaseActor US_INVESTIGATOR = new CaseActor("us.investigator", "US-DEA", false);
    private static final CaseActor MX = new CaseActor("mx.investigator", "MX-FGR", true);
    private static final CaseMemberAddedEvent US_MEMBER =
            new CaseMemberAddedEvent(ID, "us.investigator", "US-DEA", CaseRole.LIAISON);
    private static final String PHONE_ID = JointCase.subjectIdOf(ID, Kind.PHONE_NUMBER, "+8613800138000");
    private static final CaseSubjectAddedEvent PHONE = new CaseSubjectAddedEvent(ID, PHONE_ID, Kind.PHONE_NUMBER,
            "138 0013 8000", "+8613800138000", "CN", "the broker's phone", "CN-NNCC", "cn.investigator");

    private FixtureConfiguration<JointCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointCase.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void theOpenerNamesAPhoneNumberNormalisedAndAMemberOfAPartnerAName() {
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PHONE_NUMBER, " 138 0013 8000 ", "cn", " the broker's phone ",
                        OPENER))
                .expectEvents(PHONE).expectResultMessagePayload(PHONE_ID);
        String zhang = JointCase.subjectIdOf(ID, Kind.PERSON_NAME, "张伟");
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseSubjectCommand(ID, Kind.PERSON_NAME, "张伟", null, null, US_INVESTIGATOR))
                .expectEvents(new CaseSubjectAddedEvent(ID, zhang, Kind.PERSON_NAME, "张伟", "张伟", null, null,
                        "US-DEA", "us.investigator"));
    }

    @Test
    void theSameIdentifierWrittenAnotherWayIsTheSameSubject() {
        fixture.given(OPENED, PHONE)
                .when(new AddCaseSubjectCommand(ID, Kind.PHONE_NUMBER, "+86 138-0013-8000", null, null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "value", PHONE_ID));
    }

    @Test
    void aValueThatIsNoIdentifierOfItsKindIsRefusedNamingItsField() {
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.IBAN, "DE00 1234", null, null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "value"));
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PHONE_NUMBER, "138 0013 8000", null, null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "value", "country"));
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PHONE_NUMBER, "138 0013 8000", "XX", null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "country"));
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PERSON_NAME, "Zhang Wei", "CN", null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "country", "phone numbers only"));
    }

    // the records' constraints refuse before the case is loaded: one scenario per fixture
    @Test
    void aBlankValueIsRefusedByTheCommandsConstraint() {
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PERSON_NAME, " ", null, null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "value"));
    }

    @Test
    void aMissingKindIsRefusedByTheCommandsConstraint() {
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, null, "Zhang Wei", null, null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "kind"));
    }

    @Test
    void onlyThoseWhoActOnTheCaseNameSubjectsAndAnotherAgencyLearnsNothing() {
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PERSON_NAME, "Zhang Wei", null, null, CN_ANALYST))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(OPENED)
                .when(new AddCaseSubjectCommand(ID, Kind.PERSON_NAME, "Zhang Wei", null, null, MX))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(OPENED, PHONE)
                .when(new RemoveCaseSubjectCommand(ID, PHONE_ID, MX))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null));
    }

    @Test
    void aSubjectIsRemovedOnceAndNotWhileTheCaseIsClosed() {
        fixture.given(OPENED, PHONE).when(new RemoveCaseSubjectCommand(ID, PHONE_ID, OPENER))
                .expectEvents(new CaseSubjectRemovedEvent(ID, PHONE_ID));
        fixture.given(OPENED, PHONE, new CaseSubjectRemovedEvent(ID, PHONE_ID))
                .when(new RemoveCaseSubjectCommand(ID, PHONE_ID, OPENER))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null, PHONE_ID));
        fixture.given(OPENED, PHONE, new CaseClosedEvent(ID, ClosingReason.PROSECUTED, ""))
                .when(new RemoveCaseSubjectCommand(ID, PHONE_ID, OPENER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, null, "closed"));
        // named again after its removal: the same subject again
        fixture.given(OPENED, PHONE, new CaseSubjectRemovedEvent(ID, PHONE_ID))
                .when(new AddCaseSubjectCommand(ID, Kind.PHONE_NUMBER, "+86 138 0013 8000", null,
                        "the broker's phone", OPENER))
                .expectEvents(new CaseSubjectAddedEvent(ID, PHONE_ID, Kind.PHONE_NUMBER, "+86 138 0013 8000",
                        "+8613800138000", null, "the broker's phone", "CN-NNCC", "cn.investigator"));
    }
}
