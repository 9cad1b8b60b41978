package io.jointops.cases.command;

import io.jointops.api.privacy.ApproveErasureCommand;
import io.jointops.api.privacy.ErasureApprovedEvent;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureOrderedEvent;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderErasureCommand;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.command.CommandValidation;
import io.jointops.platform.privacy.ItemRef;
import io.jointops.platform.privacy.MemorySubjectKeys;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.privacy.Subjects;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;
import static io.jointops.platform.test.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasure orders: what an order keeps of its subjects, who may approve it (four eyes), and what approval destroys. */
class ErasureOrderTest {

    static final ErasureOfficer INVESTIGATOR = new ErasureOfficer("cn.investigator", "CN-NNCC", false);
    static final ErasureOfficer SUPERVISOR = new ErasureOfficer("cn.supervisor", "CN-NNCC", true);
    static final ErasureOfficer OTHER_SUPERVISOR = new ErasureOfficer("cn.supervisor2", "CN-NNCC", true);
    static final ErasureOfficer US_SUPERVISOR = new ErasureOfficer("us.supervisor", "US-DEA", true);

    AggregateTestFixture<ErasureOrder> fixture;
    MemorySubjectKeys keys;
    Subjects subjects;

    @BeforeEach
    void setUp() {
        keys = new MemorySubjectKeys();
        subjects = new PersonalData(keys).subjects();
        fixture = new AggregateTestFixture<>(ErasureOrder.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(subjects);
        fixture.registerInjectableResource((SubjectKeys) keys);
    }

    OrderErasureCommand order(ErasureOfficer officer) {
        return new OrderErasureCommand("order-1", List.of(new ErasureSubject(PERSON_NAME, "Zhang  Wei.", null),
                new ErasureSubject(PHONE_NUMBER, "202-555-0143", "US")), List.of(), false, "CN court order (2026) 17",
                "acquitted", officer);
    }

    ErasureOrderedEvent ordered(ErasureOfficer officer) {
        return new ErasureOrderedEvent("order-1", "CN-NNCC", officer.username(),
                List.of(subjects.ofIdentifier(PERSON_NAME, "zhang wei", null),
                        subjects.ofIdentifier(PHONE_NUMBER, "+12025550143", null)),
                List.of(PERSON_NAME, PHONE_NUMBER), List.of(), "CN court order (2026) 17", "acquitted");
    }

    @Test
    void anOrderKeepsItsSubjectsReferencesNeverTheirIdentifiers() {
        fixture.givenNoPriorActivity().when(order(INVESTIGATOR)).expectEvents(ordered(INVESTIGATOR));
        assertThat(ordered(INVESTIGATOR).toString()).doesNotContainIgnoringCase("zhang").doesNotContain("2025550143");
    }

    @Test
    void anOrderNeedsSubjectsAndItsLegalBasis() {
        fixture.givenNoPriorActivity()
                .when(new OrderErasureCommand("order-1", List.of(), List.of(), false, "court order", null, INVESTIGATOR))
                .expectException(rejected(Reason.INVALID, "subjects"));
        fixture.givenNoPriorActivity()
                .when(new OrderErasureCommand("order-1", List.of(new ErasureSubject(PERSON_NAME, "Zhang Wei", null)),
                        List.of(), false, " ", null, INVESTIGATOR))
                .expectException(rejected(Reason.INVALID, "legalBasis"));
    }

    @Test
    void anOrderMayEraseTheFreeTextOfTheItemsItNames() {
        fixture.givenNoPriorActivity()
                .when(new OrderErasureCommand("order-1", List.of(), List.of("case-7"), true, "court order", null,
                        INVESTIGATOR))
                .expectEvents(new ErasureOrderedEvent("order-1", "CN-NNCC", "cn.investigator",
                        List.of(subjects.ofItem("case-7")), List.of(), List.of("case-7"), "court order", ""));
        fixture.givenNoPriorActivity()
                .when(new OrderErasureCommand("order-1", List.of(), List.of(), true, "court order", null, INVESTIGATOR))
                .expectException(rejected(Reason.INVALID, "subjects"));
    }

    @Test
    void anotherSupervisorOfTheAgencyApprovesAndTheSubjectsKeysAreDestroyed() {
        keys.keyFor(subjects.ofIdentifier(PERSON_NAME, "Zhang Wei", null), new ItemRef("shipment-1", "Shipment", "CN-CUSTOMS"));
        keys.keyFor(subjects.ofIdentifier(PERSON_NAME, "ZHANG WEI", null), new ItemRef("report-9", "IntelReport", "US-DEA"));
        keys.keyFor(subjects.ofIdentifier(PERSON_NAME, "Li Na", null), new ItemRef("report-9", "IntelReport", "US-DEA"));

        fixture.given(ordered(SUPERVISOR))
                .when(new ApproveErasureCommand("order-1", OTHER_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new ErasureApprovedEvent("order-1", "CN-NNCC", "cn.supervisor2")),
                                org.hamcrest.Matchers.<Object>allOf(org.hamcrest.Matchers.instanceOf(PersonalDataErasedEvent.class),
                                        org.axonframework.test.matchers.Matchers.<Object>matches(e -> ((PersonalDataErasedEvent) e).keysDestroyed() == 2)),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        assertThat(keys.destroyedCount()).as("Zhang Wei in both items, not Li Na").isEqualTo(2);
    }

    @Test
    void theOfficerWhoOrderedItAnInvestigatorAndAnotherAgencyDoNotApprove() {
        fixture.given(ordered(SUPERVISOR)).when(new ApproveErasureCommand("order-1", SUPERVISOR))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(ordered(SUPERVISOR)).when(new ApproveErasureCommand("order-1", INVESTIGATOR))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(ordered(SUPERVISOR)).when(new ApproveErasureCommand("order-1", US_SUPERVISOR))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(ordered(SUPERVISOR), new ErasureApprovedEvent("order-1", "CN-NNCC", "cn.supervisor2"))
                .when(new ApproveErasureCommand("order-1", OTHER_SUPERVISOR))
                .expectException(rejected(Reason.CONFLICT, null));
        assertThat(keys.destroyedCount()).isZero();
    }
}
