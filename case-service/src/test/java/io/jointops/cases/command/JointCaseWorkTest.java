package io.jointops.cases.command;

import io.jointops.api.cases.ActivateCaseCommand;
import io.jointops.api.cases.AddCaseMemberCommand;
import io.jointops.api.cases.AddCaseNoteCommand;
import io.jointops.api.cases.AddCaseTaskCommand;
import io.jointops.api.cases.CaseActivatedEvent;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseMemberAddedEvent;
import io.jointops.api.cases.CaseMemberRemovedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CaseReopenedEvent;
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.cases.CaseTagsSetEvent;
import io.jointops.api.cases.CaseTaskAddedEvent;
import io.jointops.api.cases.CaseTaskStatus;
import io.jointops.api.cases.CaseTaskStatusChangedEvent;
import io.jointops.api.cases.ChangeCaseTaskStatusCommand;
import io.jointops.api.cases.CloseCaseCommand;
import io.jointops.api.cases.ClosingReason;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RemoveCaseMemberCommand;
import io.jointops.api.cases.ReopenCaseCommand;
import io.jointops.api.cases.SetCaseTagsCommand;
import io.jointops.api.cases.SuspendCaseCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

/** Lifecycle, members, tasks, notes, tags and linked items' changes of a joint case, with who may do what. */
class JointCaseWorkTest {

    private static final String ID = "case-1";
    /** Opened by cn.investigator (the actor travels in the metadata, as the platform's interceptor puts it). */
    private static final EventMessage<CaseOpenedEvent> OPENED = GenericEventMessage.<CaseOpenedEvent>asEventMessage(
                    new CaseOpenedEvent(ID, "Route X", "summary", "CN-NNCC", List.of("US-DEA"), Tlp.AMBER, HandlingCode.H1))
            .andMetaData(Map.of("actor", "cn.investigator"));
    private static final CaseActor OPENER = new CaseActor("cn.investigator", "CN-NNCC", false);
    private static final CaseActor CN_ANALYST = new CaseActor("cn.analyst", "CN-NNCC", false);
    private static final CaseActor CN_SUPERVISOR = new CaseActor("cn.supervisor", "CN-NNCC", true);
    private static final CaseActor US_INVESTIGATOR = new CaseActor("us.investigator", "US-DEA", false);
    private static final CaseActor US_SUPERVISOR = new CaseActor("us.supervisor", "US-DEA", true);
    private static final CaseActor MX = new CaseActor("mx.investigator", "MX-FGR", true);
    private static final CaseMemberAddedEvent US_MEMBER = new CaseMemberAddedEvent(ID, "us.investigator", "US-DEA", CaseRole.LIAISON);
    private static final CaseMemberAddedEvent ANALYST = new CaseMemberAddedEvent(ID, "cn.analyst", "CN-NNCC", CaseRole.ANALYST);

    private FixtureConfiguration<JointCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointCase.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void theOpenerActivatesAndOnlyALeadSupervisorSuspendsClosesAndReopens() {
        fixture.given(OPENED).when(new ActivateCaseCommand(ID, OPENER)).expectEvents(new CaseActivatedEvent(ID));
        fixture.given(OPENED).when(new ActivateCaseCommand(ID, US_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null, "CN-NNCC"));
        fixture.given(OPENED, new CaseActivatedEvent(ID)).when(new SuspendCaseCommand(ID, "Awaiting lab", OPENER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null, "supervisor"));
        fixture.given(OPENED, new CaseActivatedEvent(ID)).when(new SuspendCaseCommand(ID, " Awaiting lab ", CN_SUPERVISOR))
                .expectEvents(new CaseSuspendedEvent(ID, "Awaiting lab"));
        fixture.given(OPENED, new CaseActivatedEvent(ID), new CaseSuspendedEvent(ID, "x"))
                .when(new ActivateCaseCommand(ID, OPENER))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null, "resumes"));
        fixture.given(OPENED, new CaseActivatedEvent(ID), new CaseSuspendedEvent(ID, "x"))
                .when(new ActivateCaseCommand(ID, CN_SUPERVISOR)).expectEvents(new CaseActivatedEvent(ID));
        fixture.given(OPENED, new CaseActivatedEvent(ID))
                .when(new CloseCaseCommand(ID, ClosingReason.PROSECUTED, "Charged", CN_SUPERVISOR))
                .expectEvents(new CaseClosedEvent(ID, ClosingReason.PROSECUTED, "Charged"));
        fixture.given(OPENED).when(new CloseCaseCommand(ID, null, null, CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "closingReason"));
        fixture.given(OPENED, new CaseClosedEvent(ID, ClosingReason.TRANSFERRED, ""))
                .when(new ReopenCaseCommand(ID, "New evidence", CN_SUPERVISOR))
                .expectEvents(new CaseReopenedEvent(ID, "New evidence"));
        fixture.given(OPENED).when(new ReopenCaseCommand(ID, "x", CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, null, "closed"));
        fixture.given(OPENED, new CaseActivatedEvent(ID)).when(new ActivateCaseCommand(ID, CN_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, null, "ACTIVE"));
    }

    @Test
    void aClosedCaseTakesNoMoreWorkAndAStrangerLearnsNothing() {
        fixture.given(OPENED, new CaseClosedEvent(ID, ClosingReason.NO_FURTHER_ACTION, ""))
                .when(new AddCaseNoteCommand(ID, "n-1", "text", Tlp.AMBER, OPENER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, null, "reopen"));
        fixture.given(OPENED).when(new CloseCaseCommand(ID, ClosingReason.PROSECUTED, null, MX))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(OPENED).when(new AddCaseNoteCommand(ID, "n-1", "text", Tlp.AMBER, MX))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null));
    }

    @Test
    void membersAreAddedByManagersAndByAPartnerSupervisorForItsOwnAgency() {
        fixture.given(OPENED).when(new AddCaseMemberCommand(ID, "us.investigator", "US-DEA", CaseRole.LIAISON, OPENER))
                .expectEvents(US_MEMBER);
        fixture.given(OPENED).when(new AddCaseMemberCommand(ID, "us.investigator", "US-DEA", CaseRole.LIAISON, US_SUPERVISOR))
                .expectEvents(US_MEMBER);
        fixture.given(OPENED).when(new AddCaseMemberCommand(ID, "cn.analyst", "CN-NNCC", CaseRole.ANALYST, US_SUPERVISOR))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseMemberCommand(ID, "us.other", "US-DEA", CaseRole.INVESTIGATOR, US_INVESTIGATOR))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(OPENED).when(new AddCaseMemberCommand(ID, "gb.officer", "GB-NCA", CaseRole.INVESTIGATOR, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "agency", "partner"));
        fixture.given(OPENED).when(new AddCaseMemberCommand(ID, "us.investigator", "US-DEA", CaseRole.LEAD_INVESTIGATOR, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "role"));
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseMemberCommand(ID, "us.investigator", "US-DEA", CaseRole.INVESTIGATOR, OPENER))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, "username"));
        fixture.given(OPENED, US_MEMBER).when(new RemoveCaseMemberCommand(ID, "us.investigator", OPENER))
                .expectEvents(new CaseMemberRemovedEvent(ID, "us.investigator", "US-DEA"));
        fixture.given(OPENED).when(new RemoveCaseMemberCommand(ID, "nobody", OPENER))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, "username"));
    }

    @Test
    void aLeadInvestigatorManagesMembers() {
        CaseMemberAddedEvent lead = new CaseMemberAddedEvent(ID, "cn.lead", "CN-NNCC", CaseRole.LEAD_INVESTIGATOR);
        fixture.given(OPENED, lead)
                .when(new AddCaseMemberCommand(ID, "cn.analyst", "CN-NNCC", CaseRole.ANALYST,
                        new CaseActor("cn.lead", "CN-NNCC", false)))
                .expectEvents(ANALYST);
    }

    @Test
    void membersAddTasksForMembersAndMoveThem() {
        LocalDate due = LocalDate.of(2030, 1, 31);
        CaseTaskAddedEvent added = new CaseTaskAddedEvent(ID, "t-1", "Trace consignee", "us.investigator", due);
        fixture.given(OPENED, US_MEMBER, ANALYST)
                .when(new AddCaseTaskCommand(ID, "t-1", " Trace consignee ", "us.investigator", due, CN_ANALYST))
                .expectEvents(added);
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseTaskCommand(ID, "t-1", "Trace", "cn.analyst", due, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "assignee"));
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseTaskCommand(ID, "t-1", "Trace", "us.investigator", due, CN_ANALYST))
                .expectNoEvents().expectException(rejected(Reason.FORBIDDEN, null, "members"));
        fixture.given(OPENED, US_MEMBER)
                .when(new AddCaseTaskCommand(ID, "t-1", "Trace", "us.investigator", null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "dueDate"));
        fixture.given(OPENED, US_MEMBER, added)
                .when(new ChangeCaseTaskStatusCommand(ID, "t-1", CaseTaskStatus.DONE, US_INVESTIGATOR))
                .expectEvents(new CaseTaskStatusChangedEvent(ID, "t-1", CaseTaskStatus.DONE));
        fixture.given(OPENED, US_MEMBER, added)
                .when(new ChangeCaseTaskStatusCommand(ID, "t-1", CaseTaskStatus.OPEN, US_INVESTIGATOR))
                .expectNoEvents().expectException(rejected(Reason.CONFLICT, null, "OPEN"));
        fixture.given(OPENED, US_MEMBER)
                .when(new ChangeCaseTaskStatusCommand(ID, "t-9", CaseTaskStatus.DONE, US_INVESTIGATOR))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null));
    }

    @Test
    void notesCarryTheirLabelAndTheWritingAgency() {
        fixture.given(OPENED, US_MEMBER).when(new AddCaseNoteCommand(ID, "n-1", " Informant says ", Tlp.RED, US_INVESTIGATOR))
                .expectEvents(new CaseNoteAddedEvent(ID, "n-1", "Informant says", Tlp.RED, "us.investigator", "US-DEA"));
        setUp(); // a refusal of the command's constraints comes before the aggregate is loaded: a fresh fixture,
        // which would otherwise check the previous scenario's aggregate for illegal state changes
        fixture.given(OPENED).when(new AddCaseNoteCommand(ID, "n-1", "x", null, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "tlp"));
        fixture.given(OPENED).when(new AddCaseNoteCommand(ID, "n-1", " ", Tlp.RED, OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "text"));
    }

    @Test
    void tagsAreSortedAndChecked() {
        fixture.given(OPENED).when(new SetCaseTagsCommand(ID, Set.of("npp", "fentanyl"), OPENER))
                .expectEvents(new CaseTagsSetEvent(ID, List.of("fentanyl", "npp")));
        fixture.given(OPENED).when(new SetCaseTagsCommand(ID, Set.of("Not A Tag"), OPENER))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "tags"));
        // the same tags again (a retried PUT) are no change; other tags are
        fixture.given(OPENED, new CaseTagsSetEvent(ID, List.of("fentanyl", "npp")))
                .when(new SetCaseTagsCommand(ID, Set.of("npp", "fentanyl"), OPENER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(OPENED, new CaseTagsSetEvent(ID, List.of("fentanyl", "npp")))
                .when(new SetCaseTagsCommand(ID, Set.of("npp"), OPENER))
                .expectEvents(new CaseTagsSetEvent(ID, List.of("npp")));
    }

    @Test
    void aLinkedItemsChangeIsRecordedOnlyForLinkedItems() {
        CaseItemLinkedEvent linked = new CaseItemLinkedEvent(ID, LinkedItemType.SHIPMENT, "s-1", "Shipment");
        fixture.given(OPENED, linked)
                .when(new UpdateLinkedItemCommand(ID, LinkedItemType.SHIPMENT, "s-1", "Shipment", "SEIZED", "ShipmentSeizedEvent"))
                .expectEvents(new CaseLinkedItemUpdatedEvent(ID, LinkedItemType.SHIPMENT, "s-1", "Shipment", "SEIZED", "ShipmentSeizedEvent"));
        fixture.given(OPENED)
                .when(new UpdateLinkedItemCommand(ID, LinkedItemType.SHIPMENT, "s-1", "Shipment", "SEIZED", "ShipmentSeizedEvent"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
