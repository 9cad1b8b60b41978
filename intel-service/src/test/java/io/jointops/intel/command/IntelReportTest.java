package io.jointops.intel.command;

import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.intel.SubmitIntelReportCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

class IntelReportTest {

    private static final String ID = "report-1";
    private static final IntelReportSubmittedEvent SUBMITTED = new IntelReportSubmittedEvent(ID, "Precursor route",
            "Summary", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H1,
            "CN-NNCC", List.of("GB-NCA", "US-DEA"));

    private AggregateTestFixture<IntelReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IntelReport.class);
    }

    @Test
    void submitsAReportWithTrimmedTextAndSortedRelease() {
        fixture.givenNoPriorActivity()
                .when(submit(" Precursor route ", null, 2, "CN-NNCC", Set.of("US-DEA", "GB-NCA")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IntelReportSubmittedEvent(ID, "Precursor route", "", IntelCategory.TRAFFICKING_ROUTE,
                        SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H1, "CN-NNCC", List.of("GB-NCA", "US-DEA")));
    }

    @Test
    void submitsAReportReleasedToNobody() {
        fixture.givenNoPriorActivity()
                .when(submit("t", "s", 6, "CN-NNCC", null))
                .expectEvents(new IntelReportSubmittedEvent(ID, "t", "s", IntelCategory.TRAFFICKING_ROUTE,
                        SourceReliability.B, 6, Tlp.AMBER, HandlingCode.H1, "CN-NNCC", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesABlankTitle(String title) {
        fixture.givenNoPriorActivity()
                .when(submit(title, "s", 2, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "title", "blank"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingOrTooLongTitle() {
        fixture.givenNoPriorActivity().when(submit(null, "s", 2, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "title"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(submit("x".repeat(201), "s", 2, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "title", "200"))
                .expectNoEvents();
    }

    @Test
    void acceptsTheLongestTitleAndSummary() {
        fixture.givenNoPriorActivity().when(submit("x".repeat(200), "y".repeat(4000), 2, "CN-NNCC", Set.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesATooLongSummary() {
        fixture.givenNoPriorActivity().when(submit("t", "y".repeat(4001), 2, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "summary", "4000"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingCategoryReliabilityTlpOrHandlingCode() {
        fixture.givenNoPriorActivity()
                .when(new SubmitIntelReportCommand(ID, "t", "s", null, SourceReliability.B, 2, Tlp.AMBER,
                        HandlingCode.H1, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "category"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitIntelReportCommand(ID, "t", "s", IntelCategory.SYNTHETIC_DRUG, null, 2, Tlp.AMBER,
                        HandlingCode.H1, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "sourceReliability"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitIntelReportCommand(ID, "t", "s", IntelCategory.SYNTHETIC_DRUG, SourceReliability.B, 2,
                        null, HandlingCode.H1, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "tlp"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitIntelReportCommand(ID, "t", "s", IntelCategory.SYNTHETIC_DRUG, SourceReliability.B, 2,
                        Tlp.AMBER, null, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "handlingCode"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, -1})
    void refusesACredibilityOutsideTheAdmiraltyScale(int credibility) {
        fixture.givenNoPriorActivity().when(submit("t", "s", credibility, "CN-NNCC", Set.of()))
                .expectException(rejected(Reason.INVALID, "informationCredibility"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6})
    void acceptsTheEndsOfTheAdmiraltyScale(int credibility) {
        fixture.givenNoPriorActivity().when(submit("t", "s", credibility, "CN-NNCC", Set.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnOwnerThatIsNoAgencyCode() {
        fixture.givenNoPriorActivity().when(submit("t", "s", 2, "nncc", Set.of()))
                .expectException(rejected(Reason.INVALID, "ownerAgency", "nncc"))
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseToSomethingThatIsNoAgencyCode() {
        fixture.givenNoPriorActivity().when(submit("t", "s", 2, "CN-NNCC", Set.of("US-DEA", "dea")))
                .expectException(rejected(Reason.INVALID, "releasedTo", "dea"))
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseToTheOwnerItself() {
        fixture.givenNoPriorActivity().when(submit("t", "s", 2, "CN-NNCC", Set.of("CN-NNCC")))
                .expectException(rejected(Reason.INVALID, "releasedTo", "owner"))
                .expectNoEvents();
    }

    @Test
    void theOwnerLinksTheReportToACaseOfAgenciesItIsReleasedTo() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("CN-NNCC", "US-DEA"), "CN-NNCC"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route"));
    }

    @Test
    void anAgencyTheReportIsReleasedToLinksItToo() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA", "GB-NCA"), "US-DEA"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route"));
    }

    @Test
    void anAgencyThatMayNotSeeTheReportIsToldItDoesNotExist() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("DE-BKA"), "DE-BKA"))
                .expectException(rejected(Reason.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void anAgencyThatMayNotSeeTheReportIsNotToldWhoMay() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("DE-BKA", "CN-NNCC"), "DE-BKA"))
                .expectException(rejected(Reason.NOT_FOUND, null))
                .expectNoEvents();
    }

    @Test
    void refusesALinkToACaseWithAgenciesTheReportIsNotReleasedToNamingThem() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA", "FR-OFAST", "DE-BKA"), "US-DEA"))
                .expectException(rejected(Reason.FORBIDDEN, null, "DE-BKA, FR-OFAST"))
                .expectNoEvents();
    }

    @Test
    void refusesALinkWithoutACase() {
        fixture.given(SUBMITTED)
                .when(new LinkIntelReportToCaseCommand(ID, " ", Set.of("US-DEA"), "US-DEA"))
                .expectException(rejected(Reason.INVALID, "caseId"))
                .expectNoEvents();
    }

    @Test
    void linksTheSameCaseOnlyOnce() {
        fixture.given(SUBMITTED, new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route"))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("CN-NNCC", "US-DEA"), "CN-NNCC"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void linksTheReportToAnotherCase() {
        fixture.given(SUBMITTED, new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route"))
                .when(new LinkIntelReportToCaseCommand(ID, "case-2", Set.of("GB-NCA"), "GB-NCA"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-2", "Precursor route"));
    }

    private static SubmitIntelReportCommand submit(String title, String summary, int credibility, String owner,
                                                   Set<String> releasedTo) {
        return new SubmitIntelReportCommand(ID, title, summary, IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B,
                credibility, Tlp.AMBER, HandlingCode.H1, owner, releasedTo);
    }
}
