package io.jointops.cases.command;

import io.jointops.api.cases.AcceptCaseLeadCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.cases.CaseLeadDismissedEvent;
import io.jointops.api.cases.CaseLeadProposedEvent;
import io.jointops.api.cases.DismissCaseLeadCommand;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

class CaseLeadTest {

    private static final String ID = "lead-1";
    private static final CaseActor CN_SUPERVISOR = new CaseActor("cn.supervisor", "CN-NNCC", true);
    private static final CaseActor CN_INVESTIGATOR = new CaseActor("cn.investigator", "CN-NNCC", false);
    private static final CaseActor US_SUPERVISOR = new CaseActor("us.supervisor", "US-DEA", true);
    private static final CaseActor MX_SUPERVISOR = new CaseActor("mx.supervisor", "MX-FGR", true);
    private static final ProposeCaseLeadCommand PROPOSE = new ProposeCaseLeadCommand(ID, LinkedItemType.INCIDENT, "inc-1",
            "Seizure of NPP", "CN-NNCC", Set.of("US-DEA"), "Table I precursor seized");
    private static final CaseLeadProposedEvent PROPOSED = new CaseLeadProposedEvent(ID, LinkedItemType.INCIDENT, "inc-1",
            "Seizure of NPP", "CN-NNCC", List.of("CN-NNCC", "US-DEA"), "Table I precursor seized");

    private FixtureConfiguration<CaseLead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseLead.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void aProposalIsRecordedOnceEvenIfRedelivered() {
        fixture.givenNoPriorActivity().when(PROPOSE).expectEvents(PROPOSED);
        fixture.given(PROPOSED).when(PROPOSE).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aMalformedProposalIsRefused() {
        fixture.givenNoPriorActivity().when(new ProposeCaseLeadCommand(ID, null, "inc-1", "t", "CN-NNCC", Set.of(), "r"))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "itemType"));
        fixture.givenNoPriorActivity().when(new ProposeCaseLeadCommand(ID, LinkedItemType.INCIDENT, "inc-1", "t", "CN-NNCC",
                        Set.of("dea"), "r"))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "agencies"));
    }

    @Test
    void aSupervisorOfTheProposingAgencyAcceptsOpeningACaseWithTheOtherAgenciesAsPartners() {
        fixture.given(PROPOSED)
                .when(new AcceptCaseLeadCommand(ID, "case-9", null, null, Tlp.AMBER, HandlingCode.H1, CN_SUPERVISOR))
                .expectEvents(new CaseLeadAcceptedEvent(ID, "case-9", "Seizure of NPP", "Table I precursor seized",
                        Tlp.AMBER, HandlingCode.H1, "CN-NNCC", List.of("US-DEA"), LinkedItemType.INCIDENT, "inc-1",
                        "cn.supervisor"));
    }

    @Test
    void othersMayNotDecideAndStrangersDoNotLearnOfTheLead() {
        fixture.given(PROPOSED)
                .when(new AcceptCaseLeadCommand(ID, "case-9", null, null, Tlp.AMBER, HandlingCode.H1, CN_INVESTIGATOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.FORBIDDEN, null, "CN-NNCC"));
        fixture.given(PROPOSED).when(new DismissCaseLeadCommand(ID, "no", US_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.FORBIDDEN, null));
        fixture.given(PROPOSED).when(new DismissCaseLeadCommand(ID, "no", MX_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.NOT_FOUND, null));
    }

    @Test
    void dismissedWithAReasonAndDecidedOnlyOnce() {
        CaseLeadDismissedEvent dismissed = new CaseLeadDismissedEvent(ID, "Known diversion route", "cn.supervisor");
        fixture.given(PROPOSED).when(new DismissCaseLeadCommand(ID, " Known diversion route ", CN_SUPERVISOR))
                .expectEvents(dismissed);
        setUp(); // a refusal of the command's constraints comes before the aggregate is loaded: a fresh fixture,
        // which would otherwise check the previous scenario's aggregate for illegal state changes
        fixture.given(PROPOSED).when(new DismissCaseLeadCommand(ID, " ", CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "reason"));
        fixture.given(PROPOSED, dismissed)
                .when(new AcceptCaseLeadCommand(ID, "case-9", null, null, Tlp.AMBER, HandlingCode.H1, CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.CONFLICT, null, "DISMISSED"));
        setUp(); // a refusal of the command's constraints comes before the aggregate is loaded: a fresh fixture,
        // which would otherwise check the previous scenario's aggregate for illegal state changes
        fixture.given(PROPOSED)
                .when(new AcceptCaseLeadCommand(ID, "case-9", null, null, null, HandlingCode.H1, CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "tlp"));
    }
}
