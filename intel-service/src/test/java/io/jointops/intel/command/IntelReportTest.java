package io.jointops.intel.command;

import io.jointops.api.intel.ApproveIntelReportCommand;
import io.jointops.api.intel.DecideOnwardDisseminationCommand;
import io.jointops.api.intel.DraftIntelReportCommand;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.FeedbackKind;
import io.jointops.api.intel.GiveIntelReportFeedbackCommand;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelRelation;
import io.jointops.api.intel.IntelReportApprovedEvent;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportDraftRevisedEvent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportRegradedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportReturnedEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.IntelReportSubmittedForReleaseEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.OnwardDisseminationConsentedEvent;
import io.jointops.api.intel.OnwardDisseminationRefusedEvent;
import io.jointops.api.intel.OnwardDisseminationRequestedEvent;
import io.jointops.api.intel.RegradeIntelReportCommand;
import io.jointops.api.intel.RelationKind;
import io.jointops.api.intel.RequestOnwardDisseminationCommand;
import io.jointops.api.intel.ReturnIntelReportCommand;
import io.jointops.api.intel.ReviseIntelReportDraftCommand;
import io.jointops.api.intel.RouteWaypoint;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.intel.SubmitIntelReportForReleaseCommand;
import io.jointops.api.intel.TraffickingRoute;
import io.jointops.api.intel.TransportMode;
import io.jointops.api.intel.WidenIntelReportReleaseCommand;
import io.jointops.api.intel.WithdrawIntelReportCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class IntelReportTest {

    private static final String ID = "report-1";
    private static final List<IntelEntity> ENTITIES = List.of(
            new IntelEntity("e1", EntityType.ORGANISATION, "ACME Trading Co., Ltd.", "acme trading co ltd"),
            new IntelEntity("e2", EntityType.PHONE_NUMBER, "+86 (10) 1234-5678", "+861012345678"));
    private static final List<IntelRelation> RELATIONS = List.of(new IntelRelation("e1", RelationKind.USES, "e2"));

    /** user ids (token subjects), as the audit metadata carries them */
    private static final String DRAFTER = "f0a1-drafter";
    private static final String SUPERVISOR = "b2c3-supervisor";
    /** The audit metadata of a command sent by a supervisor of the owner agency who did not write the report. */
    private static final MetaData RELEASING_SUPERVISOR = actingAs(SUPERVISOR, "investigator,supervisor");

    private AggregateTestFixture<IntelReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IntelReport.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    // --- drafting ---

    @Test
    void draftsAReportWithTrimmedTextSortedReleaseAndNormalisedEntities() {
        IntelReportContent written = new IntelReportContent(" Precursor route ", null, " body ",
                IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H2, null,
                Set.of("US-DEA", "GB-NCA"),
                List.of(new IntelEntity(" e1 ", EntityType.ORGANISATION, " ACME Trading Co., Ltd. ", null),
                        new IntelEntity("e2", EntityType.PHONE_NUMBER, "+86 (10) 1234-5678", "ignored")),
                RELATIONS, new TraffickingRoute(List.of(new RouteWaypoint(" Tianjin ", "cn", TransportMode.SEA, "machine parts"),
                new RouteWaypoint("Rotterdam", "NL", TransportMode.ROAD, null)), List.of(" NPP "),
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-01")));
        fixture.givenNoPriorActivity()
                .when(new DraftIntelReportCommand(ID, "CN-NNCC", written))
                .expectEvents(new IntelReportDraftedEvent(ID, "CN-NNCC", new IntelReportContent("Precursor route", "",
                        "body", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H2, "",
                        Set.of("GB-NCA", "US-DEA"), ENTITIES, RELATIONS,
                        new TraffickingRoute(List.of(new RouteWaypoint("Tianjin", "CN", TransportMode.SEA, "machine parts"),
                                new RouteWaypoint("Rotterdam", "NL", TransportMode.ROAD, "")), List.of("NPP"),
                                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-01")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesABlankTitle(String title) {
        fixture.givenNoPriorActivity()
                .when(draft(content(title, 2, Tlp.AMBER, HandlingCode.H1, Set.of())))
                .expectException(rejected(Reason.INVALID, "title", "blank"))
                .expectNoEvents();
    }

    @Test
    void refusesATooLongTitleOrSummary() {
        fixture.givenNoPriorActivity().when(draft(content("x".repeat(201), 2, Tlp.AMBER, HandlingCode.H1, Set.of())))
                .expectException(rejected(Reason.INVALID, "title", "200")).expectNoEvents();
        IntelReportContent c = content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of());
        fixture.givenNoPriorActivity().when(draft(new IntelReportContent("t", "y".repeat(4001), "", c.category(),
                        c.sourceReliability(), 2, c.tlp(), c.handlingCode(), null, Set.of(), List.of(), List.of(), null)))
                .expectException(rejected(Reason.INVALID, "summary", "4000")).expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, -1})
    void refusesACredibilityOutsideTheAdmiraltyScale(int credibility) {
        fixture.givenNoPriorActivity().when(draft(content("t", credibility, Tlp.AMBER, HandlingCode.H1, Set.of())))
                .expectException(rejected(Reason.INVALID, "informationCredibility")).expectNoEvents();
    }

    @Test
    void refusesMissingGradingTlpOrHandlingCode() {
        fixture.givenNoPriorActivity().when(draft(content("t", 2, null, HandlingCode.H1, Set.of())))
                .expectException(rejected(Reason.INVALID, "tlp")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(content("t", 2, Tlp.AMBER, null, Set.of())))
                .expectException(rejected(Reason.INVALID, "handlingCode")).expectNoEvents();
    }

    @Test
    void anH3ReportStatesItsRestrictionsAndOnlyAnH3Report() {
        IntelReportContent h3 = content("t", 2, Tlp.AMBER, HandlingCode.H3, Set.of());
        fixture.givenNoPriorActivity().when(draft(h3))
                .expectException(rejected(Reason.INVALID, "handlingRestriction")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(withRestriction(content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of()), "no court use")))
                .expectException(rejected(Reason.INVALID, "handlingRestriction", "H3")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(withRestriction(h3, "not to customs")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesReleaseToTheOwnerOrToSomethingThatIsNoAgency() {
        fixture.givenNoPriorActivity().when(draft(content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of("CN-NNCC"))))
                .expectException(rejected(Reason.INVALID, "releasedTo", "owner")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of("dea"))))
                .expectException(rejected(Reason.INVALID, "releasedTo", "dea")).expectNoEvents();
    }

    /**
     * A phone number written as dialled in a country keeps that country in the event (so its keys can be computed
     * again from what the analyst wrote) and is stored in E.164; a Chinese name keeps its characters.
     */
    @Test
    void aNationalPhoneNumberIsReadInItsCountryAndKeepsIt() {
        IntelReportContent c = content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of());
        fixture.givenNoPriorActivity().when(draft(withEntities(c, List.of(
                        new IntelEntity("e1", EntityType.PHONE_NUMBER, "(202) 555-0143", null, "us"),
                        new IntelEntity("e2", EntityType.PERSON, "张伟", null)), List.of())))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        ((IntelReportDraftedEvent) event).content().entities().equals(List.of(
                                new IntelEntity("e1", EntityType.PHONE_NUMBER, "(202) 555-0143", "+12025550143", "US"),
                                new IntelEntity("e2", EntityType.PERSON, "张伟", "张伟", null)))), andNoMore())));
    }

    @Test
    void refusesACountryItCannotReadOrThatIsNotForAPhoneNumberNamingIt() {
        IntelReportContent c = content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of());
        fixture.givenNoPriorActivity().when(draft(withEntities(c, List.of(
                        new IntelEntity("e1", EntityType.PHONE_NUMBER, "(202) 555-0143", null, "XX")), List.of())))
                .expectException(rejected(Reason.INVALID, "entities[0].country", "ISO 3166-1 alpha-2")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(withEntities(c, List.of(
                        new IntelEntity("e1", EntityType.PERSON, "Zhang Wei", null, "CN")), List.of())))
                .expectException(rejected(Reason.INVALID, "entities[0].country", "phone numbers only")).expectNoEvents();
    }

    @Test
    void refusesAnEntityThatCannotBeNormalisedNamingIt() {
        IntelReportContent c = content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of());
        fixture.givenNoPriorActivity().when(draft(withEntities(c, List.of(
                        new IntelEntity("e1", EntityType.PHONE_NUMBER, "010 1234 5678", null)), List.of())))
                .expectException(rejected(Reason.INVALID, "entities[0].value", "country code")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(withEntities(c, List.of(
                        new IntelEntity("e1", EntityType.URL, "x", null), new IntelEntity("e1", EntityType.URL, "y", null)), List.of())))
                .expectException(rejected(Reason.INVALID, "entities[1].entityId", "twice")).expectNoEvents();
    }

    @Test
    void refusesARelationToAnUnknownEntity() {
        IntelReportContent c = withEntities(content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of()), ENTITIES,
                List.of(new IntelRelation("e1", RelationKind.CONTROLS, "e9")));
        fixture.givenNoPriorActivity().when(draft(c))
                .expectException(rejected(Reason.INVALID, "relations[0].to")).expectNoEvents();
    }

    @Test
    void refusesARouteWithAnUnknownCountryOrOneWaypoint() {
        IntelReportContent c = content("t", 2, Tlp.AMBER, HandlingCode.H1, Set.of());
        fixture.givenNoPriorActivity().when(draft(withRoute(c, new TraffickingRoute(List.of(
                        new RouteWaypoint("A", "CN", TransportMode.SEA, null), new RouteWaypoint("B", "XX", TransportMode.SEA, null)),
                        List.of(), null, null))))
                .expectException(rejected(Reason.INVALID, "route.waypoints[1].country")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft(withRoute(c, new TraffickingRoute(List.of(
                        new RouteWaypoint("A", "CN", TransportMode.SEA, null)), List.of(), null, null))))
                .expectException(rejected(Reason.INVALID, "route.waypoints")).expectNoEvents();
    }

    // --- workflow ---

    @Test
    void theOwnerRevisesADraftAndSubmitsItForRelease() {
        IntelReportContent revised = content("New title", 3, Tlp.AMBER, HandlingCode.H2, Set.of("US-DEA"));
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new ReviseIntelReportDraftCommand(ID, "CN-NNCC", revised))
                .expectEvents(new IntelReportDraftRevisedEvent(ID, revised));
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new SubmitIntelReportForReleaseCommand(ID, "CN-NNCC"))
                .expectEvents(new IntelReportSubmittedForReleaseEvent(ID));
    }

    @Test
    void aDraftIsInvisibleToTheAgenciesItWillBeReleasedTo() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new SubmitIntelReportForReleaseCommand(ID, "US-DEA"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new GiveIntelReportFeedbackCommand(ID, "US-DEA", FeedbackKind.CONFIRMED, ""))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void approvalDisseminatesTheReportWithItsEntities() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", SUPERVISOR))
                .expectEvents(new IntelReportApprovedEvent(ID), new IntelReportDisseminatedEvent(ID, "Precursor route",
                        "CN-NNCC", Set.of("US-DEA"), ENTITIES));
    }

    @Test
    void onlyASubmittedReportIsApprovedOrReturned() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", SUPERVISOR))
                .expectException(rejected(Reason.CONFLICT, null, "DRAFT")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new ReturnIntelReportCommand(ID, "CN-NNCC", "why"))
                .expectException(rejected(Reason.CONFLICT, null, "DISSEMINATED")).expectNoEvents();
    }

    @Test
    void aSupervisorOfAnotherAgencyCannotApprove() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "US-DEA", "us-supervisor"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void aSupervisorDoesNotApproveAReportTheyDraftedThemselves() {
        fixture.given(by(DRAFTER, drafted(Tlp.AMBER, HandlingCode.H2)), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", DRAFTER))
                .expectException(rejected(Reason.FORBIDDEN, null, "yourself", "another supervisor of CN-NNCC", "four-eyes"))
                .expectNoEvents();
        fixture.given(by(DRAFTER, drafted(Tlp.AMBER, HandlingCode.H2)), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", SUPERVISOR))
                .expectEvents(new IntelReportApprovedEvent(ID), new IntelReportDisseminatedEvent(ID, "Precursor route",
                        "CN-NNCC", Set.of("US-DEA"), ENTITIES));
    }

    @Test
    void norOneTheyRevisedAfterReturningIt() {
        IntelReportContent revised = withEntities(content("Precursor route", 2, Tlp.AMBER, HandlingCode.H2,
                Set.of("US-DEA")), ENTITIES, RELATIONS);
        fixture.given(by(DRAFTER, drafted(Tlp.AMBER, HandlingCode.H2)), new IntelReportSubmittedForReleaseEvent(ID),
                        new IntelReportReturnedEvent(ID, "cite"), by(SUPERVISOR, new IntelReportDraftRevisedEvent(ID, revised)),
                        new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", SUPERVISOR))
                .expectException(rejected(Reason.FORBIDDEN, null, "four-eyes")).expectNoEvents();
    }

    @Test
    void anApprovalNamesItsSupervisor() {
        fixture.given(by(DRAFTER, drafted(Tlp.AMBER, HandlingCode.H2)), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ApproveIntelReportCommand(ID, "CN-NNCC", " "))
                .expectException(rejected(Reason.INVALID, "supervisorId")).expectNoEvents();
    }

    @Test
    void aReturnedReportCarriesTheCommentsAndIsRevisedAgain() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ReturnIntelReportCommand(ID, "CN-NNCC", " cite the source "))
                .expectEvents(new IntelReportReturnedEvent(ID, "cite the source"));
        setUp(); // a refusal of the command's constraints comes before the aggregate is loaded: a fresh fixture,
        // which would otherwise check the previous scenario's aggregate for illegal state changes
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new ReturnIntelReportCommand(ID, "CN-NNCC", " "))
                .expectException(rejected(Reason.INVALID, "comments")).expectNoEvents();
        IntelReportContent revised = content("Precursor route", 2, Tlp.AMBER, HandlingCode.H2, Set.of("US-DEA"));
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID),
                        new IntelReportReturnedEvent(ID, "cite"))
                .when(new ReviseIntelReportDraftCommand(ID, "CN-NNCC", revised))
                .expectEvents(new IntelReportDraftRevisedEvent(ID, revised));
    }

    @Test
    void aDisseminatedReportIsNoLongerRevised() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new ReviseIntelReportDraftCommand(ID, "CN-NNCC", content("x", 2, Tlp.AMBER, HandlingCode.H2, Set.of())))
                .expectException(rejected(Reason.CONFLICT, null)).expectNoEvents();
    }

    @Test
    void theOwnerRegradesKeepingTheReason() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RegradeIntelReportCommand(ID, "CN-NNCC", SourceReliability.A, 1, " corroborated "))
                .expectEvents(new IntelReportRegradedEvent(ID, SourceReliability.A, 1, "corroborated"));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RegradeIntelReportCommand(ID, "US-DEA", SourceReliability.A, 1, "x"))
                .expectException(rejected(Reason.FORBIDDEN, null, "CN-NNCC")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RegradeIntelReportCommand(ID, "CN-NNCC", SourceReliability.A, 9, "x"))
                .expectException(rejected(Reason.INVALID, "informationCredibility")).expectNoEvents();
    }

    // --- release ---

    @Test
    void theOwnerWidensTheReleaseOfADisseminatedReport() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR", "US-DEA")), RELEASING_SUPERVISOR)
                .expectEvents(new IntelReportReleaseWidenedEvent(ID, Set.of("MX-FGR")));
    }

    /** Issue 15: after the first release an investigator of the owner agency widened the release alone. */
    @Test
    void anInvestigatorOfTheOwnerAgencyDoesNotWidenTheReleaseAlone() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")),
                        actingAs("c4d5-investigator", "investigator"))
                .expectException(rejected(Reason.FORBIDDEN, null, "supervisor of CN-NNCC", "four-eyes"))
                .expectNoEvents();
        // no audit metadata at all (a command not sent on behalf of a user) is no supervisor either
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")))
                .expectException(rejected(Reason.FORBIDDEN, null, "four-eyes")).expectNoEvents();
        // a role merely containing the word is not the role
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")),
                        actingAs("c4d5-investigator", "investigator,supervisor-trainee"))
                .expectException(rejected(Reason.FORBIDDEN, null, "four-eyes")).expectNoEvents();
    }

    @Test
    void theAuthorDoesNotWidenTheReleaseEvenAsASupervisor() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")),
                        actingAs(DRAFTER, "investigator,supervisor"))
                .expectException(rejected(Reason.FORBIDDEN, null, "yourself", "another supervisor of CN-NNCC"))
                .expectNoEvents();
        // nor one who revised it after it was returned
        IntelReportContent revised = withEntities(content("Precursor route", 2, Tlp.AMBER, HandlingCode.H2,
                Set.of("US-DEA")), ENTITIES, RELATIONS);
        fixture.given(by(DRAFTER, drafted(Tlp.AMBER, HandlingCode.H2)), new IntelReportSubmittedForReleaseEvent(ID),
                        new IntelReportReturnedEvent(ID, "cite"), by("e6f7-reviser", new IntelReportDraftRevisedEvent(ID, revised)),
                        new IntelReportSubmittedForReleaseEvent(ID), new IntelReportApprovedEvent(ID),
                        new IntelReportDisseminatedEvent(ID, "Precursor route", "CN-NNCC", Set.of("US-DEA"), ENTITIES))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")),
                        actingAs("e6f7-reviser", "supervisor"))
                .expectException(rejected(Reason.FORBIDDEN, null, "yourself")).expectNoEvents();
    }

    @Test
    void aNonOwnerCannotWidenTheRelease() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "US-DEA", Set.of("MX-FGR")))
                .expectException(rejected(Reason.FORBIDDEN, null, "Only the owner agency CN-NNCC")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "MX-FGR", Set.of("MX-FGR")))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void wideningToAgenciesThatAlreadySeeItChangesNothing() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("US-DEA")), RELEASING_SUPERVISOR)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("CN-NNCC")), RELEASING_SUPERVISOR)
                .expectException(rejected(Reason.INVALID, "agencies")).expectNoEvents();
    }

    @Test
    void aDraftIsNotWidenedButRevised() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new WidenIntelReportReleaseCommand(ID, "CN-NNCC", Set.of("MX-FGR")))
                .expectException(rejected(Reason.CONFLICT, null)).expectNoEvents();
    }

    // --- onward dissemination ---

    @Test
    void aRecipientAsksToPassAnH2ReportOnAndTheThirdAgencySeesItOnlyAfterConsent() {
        OnwardDisseminationRequestedEvent requested = new OnwardDisseminationRequestedEvent(ID, "req-1", "US-DEA",
                "MX-FGR", "joint operation");
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RequestOnwardDisseminationCommand(ID, "req-1", "US-DEA", "MX-FGR", " joint operation "))
                .expectEvents(requested);
        // before consent MX-FGR may not see it: a link to its case is refused as missing
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("MX-FGR"), "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", true, "ok"), RELEASING_SUPERVISOR)
                .expectEvents(new OnwardDisseminationConsentedEvent(ID, "req-1", "US-DEA", "MX-FGR", "ok"),
                        new IntelReportReleaseWidenedEvent(ID, Set.of("MX-FGR")));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested,
                        new OnwardDisseminationConsentedEvent(ID, "req-1", "US-DEA", "MX-FGR", "ok"),
                        new IntelReportReleaseWidenedEvent(ID, Set.of("MX-FGR"))))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("MX-FGR"), "MX-FGR"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route", "DISSEMINATED"));
    }

    /** Issue 15: an investigator of the owner agency, or the report's author, consented to onward dissemination alone. */
    @Test
    void consentToOnwardDisseminationNeedsASupervisorWhoDidNotWriteTheReport() {
        OnwardDisseminationRequestedEvent requested = new OnwardDisseminationRequestedEvent(ID, "req-1", "US-DEA",
                "MX-FGR", "joint operation");
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", true, "ok"),
                        actingAs("c4d5-investigator", "analyst,investigator"))
                .expectException(rejected(Reason.FORBIDDEN, null, "supervisor of CN-NNCC", "four-eyes"))
                .expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", true, "ok"),
                        actingAs(DRAFTER, "supervisor"))
                .expectException(rejected(Reason.FORBIDDEN, null, "yourself")).expectNoEvents();
        // refusing passes nothing on: anyone of the owner agency may refuse
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", false, "no"),
                        actingAs("c4d5-investigator", "investigator"))
                .expectEvents(new OnwardDisseminationRefusedEvent(ID, "req-1", "US-DEA", "MX-FGR", "no"));
    }

    @Test
    void theOwnerRefusesAndTheThirdAgencyStillSeesNothing() {
        OnwardDisseminationRequestedEvent requested = new OnwardDisseminationRequestedEvent(ID, "req-1", "US-DEA",
                "MX-FGR", "joint operation");
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", false, "source at risk"))
                .expectEvents(new OnwardDisseminationRefusedEvent(ID, "req-1", "US-DEA", "MX-FGR", "source at risk"));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested,
                        new OnwardDisseminationRefusedEvent(ID, "req-1", "US-DEA", "MX-FGR", "no")))
                .when(new GiveIntelReportFeedbackCommand(ID, "MX-FGR", FeedbackKind.CONFIRMED, ""))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested,
                        new OnwardDisseminationRefusedEvent(ID, "req-1", "US-DEA", "MX-FGR", "no")))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", true, ""), RELEASING_SUPERVISOR)
                .expectException(rejected(Reason.CONFLICT, null, "already decided")).expectNoEvents();
    }

    @Test
    void onlyTheOwnerDecidesOnOnwardDissemination() {
        OnwardDisseminationRequestedEvent requested = new OnwardDisseminationRequestedEvent(ID, "req-1", "US-DEA",
                "MX-FGR", "joint operation");
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-1", "US-DEA", true, ""))
                .expectException(rejected(Reason.FORBIDDEN, null)).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, requested))
                .when(new DecideOnwardDisseminationCommand(ID, "req-9", "CN-NNCC", true, ""))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Tlp.class, names = {"RED", "AMBER_STRICT"})
    void redAndAmberStrictReportsAreNeverPassedOn(Tlp tlp) {
        fixture.given(disseminated(tlp, HandlingCode.H2))
                .when(new RequestOnwardDisseminationCommand(ID, "req-1", "US-DEA", "MX-FGR", "please"))
                .expectException(rejected(Reason.FORBIDDEN, null, tlp.label())).expectNoEvents();
    }

    @Test
    void aRedReportIsVisibleOnlyToItsNamedRecipients() {
        fixture.given(disseminated(Tlp.RED, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA", "GB-NCA"), "US-DEA"))
                .expectException(rejected(Reason.FORBIDDEN, null, "GB-NCA")).expectNoEvents();
        fixture.given(disseminated(Tlp.RED, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("GB-NCA"), "GB-NCA"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        // the owner names a further recipient: from then on it sees the report
        fixture.given(disseminated(Tlp.RED, HandlingCode.H2, new IntelReportReleaseWidenedEvent(ID, Set.of("GB-NCA"))))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("GB-NCA"), "GB-NCA"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route", "DISSEMINATED"));
    }

    @Test
    void refusesOnwardRequestsThatMakeNoSense() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RequestOnwardDisseminationCommand(ID, "req-1", "CN-NNCC", "MX-FGR", "x"))
                .expectException(rejected(Reason.CONFLICT, null, "widens")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RequestOnwardDisseminationCommand(ID, "req-1", "US-DEA", "CN-NNCC", "x"))
                .expectException(rejected(Reason.INVALID, "toAgency")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new RequestOnwardDisseminationCommand(ID, "req-1", "US-DEA", "MX-FGR", " "))
                .expectException(rejected(Reason.INVALID, "justification")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2,
                        new OnwardDisseminationRequestedEvent(ID, "req-1", "US-DEA", "MX-FGR", "x")))
                .when(new RequestOnwardDisseminationCommand(ID, "req-2", "US-DEA", "MX-FGR", "again"))
                .expectException(rejected(Reason.CONFLICT, "toAgency")).expectNoEvents();
    }

    // --- feedback, withdrawal ---

    @Test
    void aRecipientGivesFeedbackAndTheOwnerDoesNot() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new GiveIntelReportFeedbackCommand(ID, "US-DEA", FeedbackKind.FALSE_POSITIVE, " wrong vessel "))
                .expectEvents(new IntelReportFeedbackGivenEvent(ID, "US-DEA", FeedbackKind.FALSE_POSITIVE, "wrong vessel"));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new GiveIntelReportFeedbackCommand(ID, "CN-NNCC", FeedbackKind.CONFIRMED, ""))
                .expectException(rejected(Reason.CONFLICT, null)).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new GiveIntelReportFeedbackCommand(ID, "US-DEA", null, ""))
                .expectException(rejected(Reason.INVALID, "kind")).expectNoEvents();
    }

    @Test
    void theOwnerWithdrawsAndTheReportIsNoLongerLinkedOrPassedOn() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WithdrawIntelReportCommand(ID, "CN-NNCC", " source burnt "))
                .expectEvents(new IntelReportWithdrawnEvent(ID, "source burnt"));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new WithdrawIntelReportCommand(ID, "US-DEA", "x"))
                .expectException(rejected(Reason.FORBIDDEN, null)).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, new IntelReportWithdrawnEvent(ID, "x")))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA"), "US-DEA"))
                .expectException(rejected(Reason.CONFLICT, null, "WITHDRAWN")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2, new IntelReportWithdrawnEvent(ID, "x")))
                .when(new RequestOnwardDisseminationCommand(ID, "r", "US-DEA", "MX-FGR", "x"))
                .expectException(rejected(Reason.CONFLICT, null)).expectNoEvents();
    }

    // --- case links ---

    @Test
    void linksADisseminatedReportOnceWithItsStatus() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("CN-NNCC", "US-DEA"), "US-DEA"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route", "DISSEMINATED"));
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2,
                        new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route", "DISSEMINATED")))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("CN-NNCC", "US-DEA"), "CN-NNCC"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anUnapprovedReportIsNotLinkedEvenByItsOwner() {
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2), new IntelReportSubmittedForReleaseEvent(ID))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("CN-NNCC"), "CN-NNCC"))
                .expectException(rejected(Reason.CONFLICT, null, "SUBMITTED_FOR_RELEASE")).expectNoEvents();
        fixture.given(drafted(Tlp.AMBER, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA"), "US-DEA"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void refusesALinkToACaseWithAgenciesTheReportIsNotReleasedToNamingThem() {
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA", "FR-OFAST", "DE-BKA"), "US-DEA"))
                .expectException(rejected(Reason.FORBIDDEN, null, "DE-BKA, FR-OFAST")).expectNoEvents();
        fixture.given(disseminated(Tlp.AMBER, HandlingCode.H2))
                .when(new LinkIntelReportToCaseCommand(ID, " ", Set.of("US-DEA"), "US-DEA"))
                .expectException(rejected(Reason.INVALID, "caseId")).expectNoEvents();
    }

    @Test
    void aReportSubmittedBeforeTheWorkflowCountsAsDisseminated() {
        fixture.given(new IntelReportSubmittedEvent(ID, "Old report", "s", IntelCategory.TRAFFICKING_ROUTE,
                        SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H1, "CN-NNCC", List.of("US-DEA")))
                .when(new LinkIntelReportToCaseCommand(ID, "case-1", Set.of("US-DEA"), "US-DEA"))
                .expectEvents(new IntelReportLinkedToCaseEvent(ID, "case-1", "Old report", "DISSEMINATED"));
    }

    // --- helpers ---

    /** A disseminated report's events, then {@code more}. */
    private static List<Object> disseminated(Tlp tlp, HandlingCode handling, Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(by(DRAFTER, drafted(tlp, handling)),
                new IntelReportSubmittedForReleaseEvent(ID), new IntelReportApprovedEvent(ID),
                new IntelReportDisseminatedEvent(ID, "Precursor route", "CN-NNCC", Set.of("US-DEA"), ENTITIES)));
        events.addAll(List.of(more));
        return events;
    }

    /** A command's audit metadata as the dispatch interceptor sets it from the token: user id, roles (comma-separated). */
    private static MetaData actingAs(String userId, String roles) {
        return MetaData.with("actorId", userId).and("roles", roles);
    }

    /** The event as {@code userId} caused it (the audit metadata's actor id). */
    private static EventMessage<?> by(String userId, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(MetaData.with("actorId", userId));
    }

    private static IntelReportDraftedEvent drafted(Tlp tlp, HandlingCode handling) {
        return new IntelReportDraftedEvent(ID, "CN-NNCC", withEntities(content("Precursor route", 2, tlp, handling,
                Set.of("US-DEA")), ENTITIES, RELATIONS));
    }

    private static DraftIntelReportCommand draft(IntelReportContent content) {
        return new DraftIntelReportCommand(ID, "CN-NNCC", content);
    }

    private static IntelReportContent content(String title, int credibility, Tlp tlp, HandlingCode handling,
                                              Set<String> releasedTo) {
        return new IntelReportContent(title, "", "", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, credibility,
                tlp, handling, "", releasedTo, List.of(), List.of(), null);
    }

    private static IntelReportContent withEntities(IntelReportContent c, List<IntelEntity> entities, List<IntelRelation> relations) {
        return new IntelReportContent(c.title(), c.summary(), c.body(), c.category(), c.sourceReliability(),
                c.informationCredibility(), c.tlp(), c.handlingCode(), c.handlingRestriction(), c.releasedTo(),
                entities, relations, c.route());
    }

    private static IntelReportContent withRestriction(IntelReportContent c, String restriction) {
        return new IntelReportContent(c.title(), c.summary(), c.body(), c.category(), c.sourceReliability(),
                c.informationCredibility(), c.tlp(), c.handlingCode(), restriction, c.releasedTo(),
                c.entities(), c.relations(), c.route());
    }

    private static IntelReportContent withRoute(IntelReportContent c, TraffickingRoute route) {
        return new IntelReportContent(c.title(), c.summary(), c.body(), c.category(), c.sourceReliability(),
                c.informationCredibility(), c.tlp(), c.handlingCode(), c.handlingRestriction(), c.releasedTo(),
                c.entities(), c.relations(), route);
    }
}
