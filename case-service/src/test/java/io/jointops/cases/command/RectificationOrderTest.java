package io.jointops.cases.command;

import io.jointops.api.privacy.ApproveRectificationCommand;
import io.jointops.api.privacy.ErasureOfficer;
import io.jointops.api.privacy.ErasureSubject;
import io.jointops.api.privacy.OrderRectificationCommand;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.api.privacy.PersonalDataRectifiedEvent;
import io.jointops.api.privacy.RectificationOrderedEvent;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.command.CommandValidation;
import io.jointops.platform.privacy.DataKey;
import io.jointops.platform.privacy.ItemRef;
import io.jointops.platform.privacy.MemorySubjectKeys;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.privacy.Subjects;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.platform.test.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rectifications: what an order checks of the correction it pairs (there, by the ordering agency, not under a wrong
 * value's own subject when shredding), who approves it (four eyes), and what approval shreds: the wrong values' keys in
 * the item only.
 */
class RectificationOrderTest {

    static final ErasureOfficer INVESTIGATOR = new ErasureOfficer("cn.investigator", "CN-NNCC", false);
    static final ErasureOfficer SUPERVISOR = new ErasureOfficer("cn.supervisor", "CN-NNCC", true);
    static final ErasureOfficer US_SUPERVISOR = new ErasureOfficer("us.supervisor", "US-DEA", true);
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    AggregateTestFixture<RectificationOrder> fixture;
    MemorySubjectKeys keys;
    Subjects subjects;
    Map<Long, StoredEvents.StoredEvent> item = new HashMap<>();

    @BeforeEach
    void setUp() {
        keys = new MemorySubjectKeys();
        subjects = new PersonalData(keys).subjects();
        fixture = new AggregateTestFixture<>(RectificationOrder.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation());
        fixture.registerInjectableResource(subjects);
        fixture.registerInjectableResource((SubjectKeys) keys);
        fixture.registerInjectableResource((StoredEvents) (itemId, sequence) ->
                itemId.equals("notice-1") ? Optional.ofNullable(item.get(sequence)) : Optional.empty());
    }

    String wrong() {
        return subjects.ofIdentifier(PERSON_NAME, "Zhang Wie", null);
    }

    OrderRectificationCommand order(long correctedBy, boolean shred) {
        return new OrderRectificationCommand("r-1", "notice-1", correctedBy,
                List.of(new ErasureSubject(PERSON_NAME, "ZHANG  WIE.", null)), false, shred, "PIPL Art. 46",
                "misspelt", INVESTIGATOR);
    }

    RectificationOrderedEvent ordered(boolean shred) {
        return new RectificationOrderedEvent("r-1", "CN-NNCC", "cn.investigator", "notice-1", 1, List.of(wrong()), shred,
                "PIPL Art. 46", "misspelt");
    }

    @Test
    void anOrderPairsTheAgencysCorrectionWithTheWrongValuesReferences() {
        item.put(1L, new StoredEvents.StoredEvent("CN-NNCC", Set.of(subjects.ofIdentifier(PERSON_NAME, "Zhang Wei", null))));
        fixture.givenNoPriorActivity().when(order(1, true)).expectEvents(ordered(true));
        assertThat(ordered(true).toString()).doesNotContainIgnoringCase("zhang");
    }

    @Test
    void aCorrectionThatIsNotThereNotTheAgencysOrUnderTheWrongSubjectIsRefused() {
        fixture.givenNoPriorActivity().when(order(2, true)).expectException(rejected(Reason.INVALID, "correctedBy"));
        fixture.givenNoPriorActivity().when(order(0, true)).expectException(rejected(Reason.INVALID, "correctedBy"));
        item.put(1L, new StoredEvents.StoredEvent("US-DEA", Set.of()));
        fixture.givenNoPriorActivity().when(order(1, false)).expectException(rejected(Reason.INVALID, "correctedBy"));
        // an equivalent form of the wrong value is the same subject: shredding would take the correction along
        item.put(1L, new StoredEvents.StoredEvent("CN-NNCC", Set.of(wrong())));
        fixture.givenNoPriorActivity().when(order(1, true)).expectException(rejected(Reason.INVALID, "correctedBy"));
        fixture.givenNoPriorActivity().when(order(1, false)).expectEvents(ordered(false));
        fixture.givenNoPriorActivity()
                .when(new OrderRectificationCommand("r-1", "notice-1", 1, List.of(), false, true, "PIPL Art. 46", null,
                        INVESTIGATOR))
                .expectException(rejected(Reason.INVALID, "subjects"));
        fixture.givenNoPriorActivity()
                .when(new OrderRectificationCommand("r-1", "notice-1", 1, List.of(), true, false, " ", null,
                        INVESTIGATOR))
                .expectException(rejected(Reason.INVALID, "legalBasis"));
    }

    @Test
    void approvalByAnotherSupervisorShredsTheWrongValueInTheItemOnly() {
        DataKey inTheItem = keys.keyFor(wrong(), new ItemRef("notice-1", "DeconflictionNotice", "CN-NNCC"));
        DataKey elsewhere = keys.keyFor(wrong(), new ItemRef("notice-2", "DeconflictionNotice", "CN-NNCC"));
        fixture.given(ordered(true)).andGivenCurrentTime(NOW)
                .when(new ApproveRectificationCommand("r-1", SUPERVISOR))
                .expectResultMessagePayload(1)
                .expectEvents(new PersonalDataErasedEvent("rectification:r-1", "CN-NNCC", List.of(wrong()),
                                List.of("notice-1"), 1, "PIPL Art. 46", NOW),
                        new PersonalDataRectifiedEvent("rectification:r-1", "CN-NNCC", "cn.supervisor", "notice-1", 1,
                                1, "PIPL Art. 46", NOW));
        assertThat(keys.find(elsewhere.id())).as("the same value in another item").isPresent();
        assertThat(keys.find(inTheItem.id())).isEmpty();
    }

    @Test
    void withoutShredItIsRecordedAndNothingDestroyed() {
        DataKey inTheItem = keys.keyFor(wrong(), new ItemRef("notice-1", "DeconflictionNotice", "CN-NNCC"));
        fixture.given(ordered(false)).andGivenCurrentTime(NOW)
                .when(new ApproveRectificationCommand("r-1", SUPERVISOR))
                .expectEvents(new PersonalDataRectifiedEvent("rectification:r-1", "CN-NNCC", "cn.supervisor",
                        "notice-1", 1, 0, "PIPL Art. 46", NOW));
        assertThat(keys.find(inTheItem.id())).isPresent();
    }

    @Test
    void onlyAnotherSupervisorOfTheAgencyApprovesAndOnlyOnce() {
        fixture.given(ordered(true)).when(new ApproveRectificationCommand("r-1", INVESTIGATOR))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(ordered(true))
                .when(new ApproveRectificationCommand("r-1", new ErasureOfficer("cn.investigator", "CN-NNCC", true)))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(ordered(true)).when(new ApproveRectificationCommand("r-1", US_SUPERVISOR))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(ordered(true), new PersonalDataRectifiedEvent("rectification:r-1", "CN-NNCC", "cn.supervisor",
                        "notice-1", 1, 0, "PIPL Art. 46", NOW))
                .when(new ApproveRectificationCommand("r-1", SUPERVISOR))
                .expectException(rejected(Reason.CONFLICT, null));
    }
}
