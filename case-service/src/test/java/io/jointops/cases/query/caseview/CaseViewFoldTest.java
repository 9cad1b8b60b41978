package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.CaseSubjectAddedEvent;
import io.jointops.api.cases.CaseSubjectRemovedEvent;
import io.jointops.api.cases.CaseTaskAddedEvent;
import io.jointops.api.cases.CaseTaskStatus;
import io.jointops.api.cases.CaseTaskStatusChangedEvent;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Tlp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case view as it was: a pure fold of the case's events. */
class CaseViewFoldTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

    @Test
    void noEventsIsNoCase() {
        assertThat(CaseViewFold.fold(List.of())).isEmpty();
    }

    @Test
    void anOpenedCaseIsAtVersionZeroWithItsOpenerAndMicrosecondTimestamps() {
        CaseView view = CaseViewFold.fold(List.of(opened())).orElseThrow();
        assertThat(view.id()).isEqualTo("c-1");
        assertThat(view.partnerAgencies()).containsExactly("GB-NCA", "US-DEA");
        assertThat(view.tlp()).isEqualTo("TLP:AMBER");
        assertThat(view.status()).isEqualTo("OPENED");
        assertThat(view.version()).isZero();
        assertThat(view.openedBy()).isEqualTo("cn.investigator");
        // as a TIMESTAMPTZ column keeps it: rounded to the microsecond
        assertThat(view.openedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123457Z"));
        assertThat(view.updatedAt()).isEqualTo(view.openedAt());
        assertThat(view.linkedItems()).isEmpty();
    }

    @Test
    void partnersAndLinksAccumulateAndTheVersionIsTheLastSequenceApplied() {
        CaseView view = CaseViewFold.fold(List.of(opened(),
                event(1, T0.plusSeconds(60), new CasePartnerAddedEvent("c-1", "DE-BKA")),
                event(2, T0.plusSeconds(120), new CaseItemLinkedEvent("c-1", LinkedItemType.INTEL_REPORT, "r-1", "Route")),
                event(3, T0.plusSeconds(180), new CaseItemLinkedEvent("c-1", LinkedItemType.INTEL_REPORT, "r-1", "Route"))))
                .orElseThrow();
        assertThat(view.partnerAgencies()).containsExactly("DE-BKA", "GB-NCA", "US-DEA");
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:03:00.123457Z"));
        assertThat(view.linkedItems()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("r-1");
            assertThat(item.type()).isEqualTo("INTEL_REPORT");
            assertThat(item.linkedAt()).isEqualTo(Instant.parse("2025-03-01T10:02:00.123457Z"));
        });
        assertThat(view.openedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123457Z"));
    }

    /**
     * Issue 15: an item of agency A linked to B's case became visible to a third agency B added later, without A
     * releasing it. A link is shown to the agencies the case had when it was linked, whose visibility its owner
     * confirmed; a partner added afterwards is not shown it.
     */
    @Test
    void aLinkedItemIsShownOnlyToTheAgenciesTheCaseHadWhenItWasLinked() {
        CaseView view = CaseViewFold.fold(List.of(opened(),
                event(1, T0.plusSeconds(60), new CaseItemLinkedEvent("c-1", LinkedItemType.INTEL_REPORT, "r-1", "Route")),
                event(2, T0.plusSeconds(120), new CasePartnerAddedEvent("c-1", "MX-FGR")),
                event(3, T0.plusSeconds(180), new CaseLinkedItemUpdatedEvent("c-1", LinkedItemType.INTEL_REPORT, "r-1",
                        null, "WITHDRAWN", "IntelReportWithdrawnEvent")),
                event(4, T0.plusSeconds(240), new CaseItemLinkedEvent("c-1", LinkedItemType.FREEZE_REQUEST, "f-1", "Freeze"))))
                .orElseThrow();
        assertThat(view.linkedItems()).hasSize(2);
        assertThat(view.linkedItems().get(0).visibleTo()).containsExactly("CN-NNCC", "GB-NCA", "US-DEA");
        assertThat(view.linkedItems().get(1).visibleTo()).containsExactly("CN-NNCC", "GB-NCA", "MX-FGR", "US-DEA");

        assertThat(view.shownTo("MX-FGR").linkedItems()).extracting(CaseView.LinkedItem::id).containsExactly("f-1");
        assertThat(view.shownTo("US-DEA").linkedItems()).extracting(CaseView.LinkedItem::id).containsExactly("r-1", "f-1");
        assertThat(view.shownTo(null)).isEqualTo(view);
        assertThat(view.showsLinkedItem("INTEL_REPORT", "r-1", "MX-FGR")).isFalse();
        assertThat(view.showsLinkedItem("INTEL_REPORT", "r-1", "GB-NCA")).isTrue();
        assertThat(view.showsLinkedItem("INTEL_REPORT", "r-1", null)).isTrue();
        // the rest of the case is the same for the new partner
        assertThat(view.shownTo("MX-FGR").title()).isEqualTo(view.title());
    }

    @Test
    void aPrefixOfTheEventsIsTheCaseAsItWasThen() {
        CaseView before = CaseViewFold.fold(List.of(opened())).orElseThrow();
        assertThat(before.visibleTo("DE-BKA")).isFalse();
        CaseView after = CaseViewFold.fold(List.of(opened(),
                event(1, T0.plusSeconds(60), new CasePartnerAddedEvent("c-1", "DE-BKA")))).orElseThrow();
        assertThat(after.visibleTo("DE-BKA")).isTrue();
    }

    @Test
    void tasksAndNotesAreKeptInTheRecordNotInTheCaseShown() {
        CaseViewRecord record = null;
        for (DomainEventMessage<?> event : List.of(opened(),
                event(1, T0.plusSeconds(60), new CaseTaskAddedEvent("c-1", "t-1", "Trace", "cn.analyst", LocalDate.of(2025, 4, 1))),
                event(2, T0.plusSeconds(120), new CaseNoteAddedEvent("c-1", "n-1", "Seen", Tlp.RED, "cn.investigator", "CN-NNCC")),
                event(3, T0.plusSeconds(180), new CaseTaskStatusChangedEvent("c-1", "t-1", CaseTaskStatus.DONE)))) {
            record = CaseViewFold.apply(record, event);
        }
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.tasks()).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo("DONE");
            assertThat(task.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:01:00.123457Z"));
            assertThat(task.updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:03:00.123457Z"));
        });
        assertThat(record.notes()).singleElement().satisfies(note -> {
            assertThat(note.tlp()).isEqualTo("TLP:RED");
            assertThat(note.agency()).isEqualTo("CN-NNCC");
        });
        assertThat(CaseViewFold.fold(List.of(opened(),
                event(1, T0.plusSeconds(60), new CaseNoteAddedEvent("c-1", "n-1", "Seen", Tlp.RED, "cn.investigator", "CN-NNCC")))))
                .hasValueSatisfying(view -> assertThat(view.version()).isEqualTo(1));
    }

    @Test
    void eventsBeforeTheCaseWasOpenedAreIgnored() {
        assertThat(CaseViewFold.fold(List.of(event(0, T0, new CasePartnerAddedEvent("c-1", "DE-BKA"))))).isEmpty();
    }

    @Test
    void subjectsAreShownInTheOrderNamedUntilRemoved() {
        DomainEventMessage<?> phone = event(1, T0.plusSeconds(60), new CaseSubjectAddedEvent("c-1", "s-1",
                Identifies.Kind.PHONE_NUMBER, "138 0013 8000", "+8613800138000", "CN", "broker", "CN-NNCC",
                "cn.investigator"));
        DomainEventMessage<?> name = event(2, T0.plusSeconds(120), new CaseSubjectAddedEvent("c-1", "s-2",
                Identifies.Kind.PERSON_NAME, "张伟", "张伟", null, null, "US-DEA", "us.investigator"));
        CaseView both = CaseViewFold.fold(List.of(opened(), phone, name)).orElseThrow();
        assertThat(both.subjects()).extracting(CaseView.Subject::id).containsExactly("s-1", "s-2");
        assertThat(both.subjects().get(0)).isEqualTo(new CaseView.Subject("s-1", "PHONE_NUMBER", "138 0013 8000",
                "+8613800138000", "CN", "broker", "CN-NNCC", "cn.investigator",
                Instant.parse("2025-03-01T10:01:00.123457Z")));
        CaseView after = CaseViewFold.fold(List.of(opened(), phone, name,
                event(3, T0.plusSeconds(180), new CaseSubjectRemovedEvent("c-1", "s-1")))).orElseThrow();
        assertThat(after.subjects()).extracting(CaseView.Subject::id).containsExactly("s-2");
        assertThat(after.version()).isEqualTo(3);
    }

    private static DomainEventMessage<?> opened() {
        return event(0, T0, new CaseOpenedEvent("c-1", "Nightjar", "Precursors", "CN-NNCC",
                List.of("US-DEA", "GB-NCA"), Tlp.AMBER, HandlingCode.H1));
    }

    private static DomainEventMessage<?> event(long sequence, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("JointCase", "c-1", sequence, payload,
                MetaData.with("actor", "cn.investigator"), "e-" + sequence, at);
    }
}
