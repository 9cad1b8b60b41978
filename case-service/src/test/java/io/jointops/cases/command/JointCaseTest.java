package io.jointops.cases.command;

import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JointCaseTest {

    private static final String ID = "case-1";
    private static final CaseOpenedEvent OPENED = new CaseOpenedEvent(ID, "Route X", "summary", "CN-NNCC",
            List.of("US-DEA"), Tlp.AMBER, HandlingCode.H1);

    private static final CaseActor CN_SUPERVISOR = new CaseActor("cn.supervisor", "CN-NNCC", true);

    private FixtureConfiguration<JointCase> fixture;

    private static EventMessage<CaseOpenedEvent> asOpenedBy(String username) {
        return GenericEventMessage.<CaseOpenedEvent>asEventMessage(OPENED).andMetaData(Map.of("actor", username));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointCase.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void opensACaseWithSortedPartnersAndTrimmedText() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "  Route X ", " summary ", "CN-NNCC", Set.of("US-DEA", "GB-NCA"),
                        Tlp.AMBER, HandlingCode.H1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpenedEvent(ID, "Route X", "summary", "CN-NNCC", List.of("GB-NCA", "US-DEA"),
                        Tlp.AMBER, HandlingCode.H1));
    }

    @Test
    void refusesABlankTitle() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, " ", null, "CN-NNCC", Set.of(), Tlp.AMBER, HandlingCode.H1))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(new Rejection(Rejection.Reason.INVALID, "title", "must not be blank"));
    }

    @Test
    void refusesATooLongSummary() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "t", "x".repeat(OpenCaseCommand.MAX_SUMMARY + 1), "CN-NNCC", Set.of(),
                        Tlp.AMBER, HandlingCode.H1))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void refusesTheLeadAgencyAsItsOwnPartnerAndMalformedAgencies() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "t", null, "CN-NNCC", Set.of("CN-NNCC"), Tlp.AMBER, HandlingCode.H1))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.INVALID, "partnerAgencies",
                        "must not contain the lead agency CN-NNCC"));
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "t", null, "CN-NNCC", Set.of("dea"), Tlp.AMBER, HandlingCode.H1))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void refusesMissingLabels() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "t", null, "CN-NNCC", Set.of(), null, HandlingCode.H1))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.INVALID, "tlp", "must be given"));
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, "t", null, "CN-NNCC", Set.of(), Tlp.RED, null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.INVALID, "handlingCode", "must be given"));
    }

    @Test
    void theLeadAgencyAddsAPartner() {
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "GB-NCA", CN_SUPERVISOR, 0L))
                .expectEvents(new CasePartnerAddedEvent(ID, "GB-NCA"));
    }

    /**
     * Issue 15: any investigator of the lead agency added a partner, who then saw the whole case. Adding a partner
     * needs a supervisor of the lead agency or the case's lead investigator; not the opener, a member of another
     * role, or a lead investigator of the lead agency acting under another agency's token.
     */
    @Test
    void anInvestigatorOfTheLeadAgencyDoesNotAddAPartner() {
        CaseActor investigator = new CaseActor("cn.investigator", "CN-NNCC", false);
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "GB-NCA", investigator, null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.FORBIDDEN, null,
                        "Only a supervisor of the lead agency CN-NNCC or the case's lead investigator adds partners."));
        // the officer who opened the case manages its members, but does not widen it
        fixture.given(asOpenedBy("cn.investigator"))
                .when(new AddCasePartnerCommand(ID, "GB-NCA", investigator, 0L))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(new Rejection(Rejection.Reason.FORBIDDEN, null,
                        "Only a supervisor of the lead agency CN-NNCC or the case's lead investigator adds partners."));
        // a member of the case in another role
        fixture.given(OPENED, new CaseMemberAddedEvent(ID, "cn.investigator", "CN-NNCC", CaseRole.INVESTIGATOR))
                .when(new AddCasePartnerCommand(ID, "GB-NCA", investigator, null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        // a supervisor of a partner agency stays refused as before
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "GB-NCA", new CaseActor("us.supervisor", "US-DEA", true), null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void theLeadInvestigatorAddsAPartner() {
        fixture.given(OPENED, new CaseMemberAddedEvent(ID, "cn.lead", "CN-NNCC", CaseRole.LEAD_INVESTIGATOR))
                .when(new AddCasePartnerCommand(ID, "GB-NCA", new CaseActor("cn.lead", "CN-NNCC", false), 1L))
                .expectEvents(new CasePartnerAddedEvent(ID, "GB-NCA"));
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(OPENED, new CasePartnerAddedEvent(ID, "GB-NCA"))
                .when(new AddCasePartnerCommand(ID, "NL-POLITIE", CN_SUPERVISOR, 0L))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.STALE_VERSION, null,
                        "The case changed since version 0; it is now at version 1. Read it again."));
    }

    @Test
    void aPartnerMayNotAddPartnersAndAStrangerDoesNotLearnTheCaseExists() {
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "GB-NCA", new CaseActor("us.supervisor", "US-DEA", true), null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.FORBIDDEN, null, "Only the lead agency CN-NNCC adds partners."));
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "GB-NCA", new CaseActor("gb.supervisor", "GB-NCA", true), null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.NOT_FOUND, null, "No case 'case-1' is visible to you."));
    }

    @Test
    void anAgencyAlreadyTakingPartIsAConflict() {
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "US-DEA", CN_SUPERVISOR, null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.CONFLICT, "agency", "US-DEA already takes part in the case."));
    }

    @Test
    void aMalformedPartnerIsInvalid() {
        fixture.given(OPENED)
                .when(new AddCasePartnerCommand(ID, "us dea", CN_SUPERVISOR, null))
                .expectNoEvents()
                .expectExceptionDetails(new Rejection(Rejection.Reason.INVALID, "agency",
                        "'us dea' is not an agency code such as US-DEA"));
    }

    @Test
    void aConfirmedLinkIsRecordedOnceOnly() {
        CaseItemLinkedEvent linked = new CaseItemLinkedEvent(ID, LinkedItemType.INTEL_REPORT, "r-1", "Report");
        fixture.given(OPENED)
                .when(new RecordLinkedItemCommand(ID, LinkedItemType.INTEL_REPORT, "r-1", "Report"))
                .expectEvents(linked);
        fixture.given(OPENED, linked)
                .when(new RecordLinkedItemCommand(ID, LinkedItemType.INTEL_REPORT, "r-1", "Report"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectionDetailsAreCarriedByTheException() {
        CommandRejectedException e = new CommandRejectedException(Rejection.Reason.CONFLICT, "agency", "d");
        assertThat(e.getDetails()).contains(new Rejection(Rejection.Reason.CONFLICT, "agency", "d"));
    }
}
