package io.jointops.cases.query.caseview;

import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an agency is shown of a case's events, decided on the typed events alone: fast, no server. */
class CaseVisibilityTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /**
     * CN-NNCC's case with US-DEA, and MX-FGR added later: the report linked while the case had CN-NNCC and US-DEA is
     * shown to those two only.
     */
    private static final CaseView CASE = new CaseView("c-1", "Nightjar", null, "CN-NNCC", List.of("US-DEA", "MX-FGR"),
            "TLP:AMBER", "H1", "ACTIVE", null, List.of(), 5, AT, "cn.investigator", AT, List.of(),
            List.of(new CaseView.LinkedItem("INTEL_REPORT", "r-1", "Broker pattern", "DISSEMINATED", AT, AT,
                    List.of("CN-NNCC", "US-DEA"))), List.of());

    private static final CaseNoteAddedEvent RED_NOTE =
            new CaseNoteAddedEvent("c-1", "n-1", "Informant says", Tlp.RED, "us.investigator", "US-DEA");
    private static final CaseNoteAddedEvent AMBER_NOTE =
            new CaseNoteAddedEvent("c-1", "n-2", "Shared", Tlp.AMBER, "us.investigator", "US-DEA");
    private static final CaseItemLinkedEvent LINKED =
            new CaseItemLinkedEvent("c-1", LinkedItemType.INTEL_REPORT, "r-1", "Broker pattern");
    private static final CaseLinkedItemUpdatedEvent UPDATED = new CaseLinkedItemUpdatedEvent("c-1",
            LinkedItemType.INTEL_REPORT, "r-1", "Broker pattern", "WITHDRAWN", "IntelReportWithdrawnEvent");

    @Test
    void aRedNoteIsShownToTheWritingAgencyAndAuditorsOnly() {
        assertThat(CaseVisibility.shows(RED_NOTE, "US-DEA", CASE.shownTo("US-DEA"))).isTrue();
        assertThat(CaseVisibility.shows(RED_NOTE, null, CASE)).isTrue();
        assertThat(CaseVisibility.shows(RED_NOTE, "CN-NNCC", CASE.shownTo("CN-NNCC"))).isFalse();
        assertThat(CaseVisibility.shows(AMBER_NOTE, "CN-NNCC", CASE.shownTo("CN-NNCC"))).isTrue();
        assertThat(CaseVisibility.shownTo(RED_NOTE, "CN-NNCC", CASE.shownTo("CN-NNCC")))
                .isEqualTo(new CaseVisibility.Withheld("c-1", "n-1", "TLP:RED", true));
        assertThat(CaseVisibility.shownTo(RED_NOTE, "US-DEA", CASE.shownTo("US-DEA"))).isSameAs(RED_NOTE);
    }

    /** The notes list reads its rows by the same rule the note's event is shown by. */
    @Test
    void aNoteIsReadByTheSameRuleAsItsEvent() {
        for (Tlp tlp : Tlp.values()) {
            for (String agency : new String[] {"US-DEA", "CN-NNCC", null}) {
                CaseNoteAddedEvent note = new CaseNoteAddedEvent("c-1", "n-9", "x", tlp, "us.investigator", "US-DEA");
                assertThat(CaseVisibility.readsNote(tlp, "US-DEA", agency)).as(tlp + " for " + agency)
                        .isEqualTo(CaseVisibility.shows(note, agency, agency == null ? CASE : CASE.shownTo(agency)))
                        .isEqualTo(tlp != Tlp.RED || !"CN-NNCC".equals(agency));
            }
        }
    }

    @Test
    void aLinkedItemIsShownOnlyToTheAgenciesItsOwnerReleasedItTo() {
        for (Object event : List.of(LINKED, UPDATED)) {
            assertThat(CaseVisibility.shows(event, "US-DEA", CASE.shownTo("US-DEA"))).isTrue();
            assertThat(CaseVisibility.shows(event, "MX-FGR", CASE.shownTo("MX-FGR"))).isFalse();
            assertThat(CaseVisibility.shows(event, null, CASE)).isTrue();
            assertThat(CaseVisibility.shownTo(event, "MX-FGR", CASE.shownTo("MX-FGR")))
                    .isEqualTo(new CaseVisibility.Withheld("c-1", null, null, true));
        }
        // another item of the same id but another type was never linked
        assertThat(CaseVisibility.shows(new CaseItemLinkedEvent("c-1", LinkedItemType.SHIPMENT, "r-1", "x"),
                "US-DEA", CASE.shownTo("US-DEA"))).isFalse();
    }

    @Test
    void theCasesOwnEventsAreShownToEveryAgencyThatSeesTheCase() {
        CaseOpenedEvent opened = new CaseOpenedEvent("c-1", "Nightjar", null, "CN-NNCC", List.of("US-DEA"), Tlp.AMBER,
                HandlingCode.H1);
        for (String agency : List.of("CN-NNCC", "US-DEA", "MX-FGR")) {
            assertThat(CaseVisibility.shows(opened, agency, CASE.shownTo(agency))).isTrue();
            assertThat(CaseVisibility.shownTo(opened, agency, CASE.shownTo(agency))).isSameAs(opened);
        }
    }
}
