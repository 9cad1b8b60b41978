package io.jointops.cases.command;

import io.jointops.api.cases.AcknowledgeCooperationRequestCommand;
import io.jointops.api.cases.AnswerCooperationRequestCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CooperationRequestAcknowledgedEvent;
import io.jointops.api.cases.CooperationRequestAnsweredEvent;
import io.jointops.api.cases.CooperationRequestDeclinedEvent;
import io.jointops.api.cases.CooperationRequestEscalatedEvent;
import io.jointops.api.cases.CooperationRequestOverdueEvent;
import io.jointops.api.cases.CooperationRequestReminderIssuedEvent;
import io.jointops.api.cases.CooperationRequestSentEvent;
import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.CooperationRequestWithdrawnEvent;
import io.jointops.api.cases.DeclineCooperationRequestCommand;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RequestPriority;
import io.jointops.api.cases.SendCooperationRequestCommand;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.api.cases.WithdrawCooperationRequestCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jointops.platform.test.Rejections.rejected;

/** The workflow and the legal clock of a cooperation request, with the fixture's deadline manager and clock. */
class CooperationRequestTest {

    private static final String ID = "req-1";
    private static final CaseActor CN = new CaseActor("cn.investigator", "CN-NNCC", false);
    private static final CaseActor US = new CaseActor("us.investigator", "US-DEA", false);
    private static final CaseActor MX = new CaseActor("mx.investigator", "MX-FGR", false);
    private static final LegalBasis BASIS = new LegalBasis("Mutual legal assistance", "CN-US MLAA Art. 1");
    private static final List<SharedItemRef> ATTACHED = List.of(new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1"));
    /** case-1: CN-NNCC leads, US-DEA takes part; the report r-1 and the shipment s-1 are linked to it. */
    private static final CaseLinkedItems CASES = caseId -> "case-1".equals(caseId)
            ? java.util.Optional.of(new CaseLinkedItems.CaseItems(java.util.Set.of("CN-NNCC", "US-DEA"), java.util.Set.of(
                    new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1"), new SharedItemRef(LinkedItemType.SHIPMENT, "s-1"))))
            : java.util.Optional.empty();

    private FixtureConfiguration<CooperationRequest> fixture;
    private Instant now;
    private CooperationRequestSentEvent sent;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CooperationRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(CASES);
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sent = new CooperationRequestSentEvent(ID, "case-1", "CN-NNCC", "US-DEA", CooperationRequestType.INFORMATION_REQUEST,
                BASIS, RequestPriority.URGENT, "Who consigned it?", ATTACHED, now.plus(Duration.ofHours(72)),
                now.plus(Duration.ofHours(60)), now.plus(Duration.ofHours(96)), "cn.investigator");
    }

    /** A new fixture per scenario: its stub deadline manager keeps what earlier scenarios scheduled. */
    private FixtureConfiguration<CooperationRequest> fresh() {
        fixture = new AggregateTestFixture<>(CooperationRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(CASES);
        return fixture;
    }

    private SendCooperationRequestCommand send(String receiving, String question) {
        return new SendCooperationRequestCommand(ID, "case-1", receiving, CooperationRequestType.INFORMATION_REQUEST, BASIS,
                RequestPriority.URGENT, question, ATTACHED, now.plus(Duration.ofHours(72)), now.plus(Duration.ofHours(60)),
                now.plus(Duration.ofHours(96)), CN);
    }

    @Test
    void sendingSchedulesReminderDeadlineAndEscalation() {
        fresh().givenNoPriorActivity()
                .when(send("US-DEA", " Who consigned it? "))
                .expectEvents(sent)
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(60)), CooperationRequest.REMINDER)
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(72)), CooperationRequest.OVERDUE)
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(96)), CooperationRequest.ESCALATION);
    }

    @Test
    void refusesARequestToOnesOwnAgencyABlankQuestionAndClocksOutOfOrder() {
        fresh().givenNoPriorActivity().when(send("CN-NNCC", "q")).expectNoEvents()
                .expectException(rejected(Rejection.Reason.INVALID, "receivingAgency"));
        fresh().givenNoPriorActivity().when(send("US-DEA", " ")).expectNoEvents()
                .expectException(rejected(Rejection.Reason.INVALID, "question"));
        fresh().givenNoPriorActivity().when(new SendCooperationRequestCommand(ID, null, "US-DEA",
                        CooperationRequestType.EVIDENCE_REQUEST, BASIS, RequestPriority.ROUTINE, "q", List.of(),
                        now.plusSeconds(10), now.plusSeconds(20), now.plusSeconds(30), CN))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "responseDue"));
        fresh().givenNoPriorActivity().when(new SendCooperationRequestCommand(ID, null, "US-DEA", null, BASIS,
                        RequestPriority.ROUTINE, "q", List.of(), now.plusSeconds(10), null, now.plusSeconds(30), CN))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "type"));
        fresh().givenNoPriorActivity().when(new SendCooperationRequestCommand(ID, null, "US-DEA",
                        CooperationRequestType.EVIDENCE_REQUEST, new LegalBasis("basis", " "), RequestPriority.ROUTINE, "q",
                        List.of(), now.plusSeconds(10), null, now.plusSeconds(30), CN))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "legalBasis.reference"));
    }

    /**
     * Issue 15: an item linked to the case before an agency joined it is not passed to that agency as an attachment:
     * its owner confirmed only the agencies the case had then.
     */
    @Test
    void doesNotAttachAnItemLinkedBeforeTheReceiverJoinedTheCase() {
        SharedItemRef report = new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1");
        CaseLinkedItems joinedLater = caseId -> java.util.Optional.of(new CaseLinkedItems.CaseItems(
                java.util.Set.of("CN-NNCC", "US-DEA", "MX-FGR"),
                java.util.Map.of(report, java.util.Set.of("CN-NNCC", "US-DEA"))));
        fixture = new AggregateTestFixture<>(CooperationRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(joinedLater);
        fixture.givenNoPriorActivity().when(withAttachments("case-1", "MX-FGR", List.of(report)))
                .expectNoEvents()
                .expectException(rejected(Rejection.Reason.INVALID, "attachments[0]", "before MX-FGR took part"));
        fixture = new AggregateTestFixture<>(CooperationRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(joinedLater);
        fixture.givenNoPriorActivity().when(withAttachments("case-1", "US-DEA", List.of(report)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void attachesOnlyItemsLinkedToTheRequestsCaseInWhichTheReceiverTakesPart() {
        List<SharedItemRef> linked = List.of(new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1"),
                new SharedItemRef(LinkedItemType.SHIPMENT, "s-1"));
        fresh().givenNoPriorActivity().when(withAttachments("case-1", "US-DEA", linked))
                .expectEvents(new CooperationRequestSentEvent(ID, "case-1", "CN-NNCC", "US-DEA",
                        CooperationRequestType.INFORMATION_REQUEST, BASIS, RequestPriority.URGENT, "q", linked,
                        now.plus(Duration.ofHours(72)), now.plus(Duration.ofHours(60)), now.plus(Duration.ofHours(96)),
                        "cn.investigator"));
        // the second attachment is a report not linked to the case (nor is the type of s-1 a report)
        fresh().givenNoPriorActivity().when(withAttachments("case-1", "US-DEA", List.of(
                        new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1"), new SharedItemRef(LinkedItemType.INTEL_REPORT, "s-1"))))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "attachments[1]", "not linked to case 'case-1'"));
        fresh().givenNoPriorActivity().when(withAttachments(null, "US-DEA", ATTACHED))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "attachments[0]", "belongs to no case"));
        fresh().givenNoPriorActivity().when(withAttachments("case-1", "MX-FGR", ATTACHED))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "attachments[0]", "MX-FGR does not take part"));
        fresh().givenNoPriorActivity().when(withAttachments("case-9", "US-DEA", ATTACHED))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "attachments[0]", "not known"));
        // without attachments a request needs no case
        fresh().givenNoPriorActivity().when(withAttachments(null, "MX-FGR", List.of())).expectSuccessfulHandlerExecution();
    }

    private SendCooperationRequestCommand withAttachments(String caseId, String receiving, List<SharedItemRef> attachments) {
        return new SendCooperationRequestCommand(ID, caseId, receiving, CooperationRequestType.INFORMATION_REQUEST, BASIS,
                RequestPriority.URGENT, "q", attachments, now.plus(Duration.ofHours(72)), now.plus(Duration.ofHours(60)),
                now.plus(Duration.ofHours(96)), CN);
    }

    @Test
    void theReceiverAcknowledgesOnce() {
        fresh().given(sent).when(new AcknowledgeCooperationRequestCommand(ID, US))
                .expectEvents(new CooperationRequestAcknowledgedEvent(ID, "us.investigator", "US-DEA"));
        fresh().given(sent, new CooperationRequestAcknowledgedEvent(ID, "us.investigator", "US-DEA"))
                .when(new AcknowledgeCooperationRequestCommand(ID, US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.CONFLICT, null, "ACKNOWLEDGED"));
    }

    @Test
    void theSenderMayNotAnswerAndAThirdAgencyDoesNotLearnTheRequestExists() {
        fresh().given(sent).when(new AcknowledgeCooperationRequestCommand(ID, CN))
                .expectNoEvents().expectException(rejected(Rejection.Reason.FORBIDDEN, null, "US-DEA"));
        fresh().given(sent).when(new AnswerCooperationRequestCommand(ID, "a", true, List.of(), MX))
                .expectNoEvents().expectException(rejected(Rejection.Reason.NOT_FOUND, null));
        fresh().given(sent).when(new WithdrawCooperationRequestCommand(ID, "no longer needed", US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.FORBIDDEN, null, "CN-NNCC"));
        fresh().given(sent).when(new WithdrawCooperationRequestCommand(ID, "no longer needed", MX))
                .expectNoEvents().expectException(rejected(Rejection.Reason.NOT_FOUND, null));
    }

    @Test
    void aPartialAnswerKeepsTheClockRunningAndAFullAnswerStopsIt() {
        CooperationRequestAnsweredEvent partial = new CooperationRequestAnsweredEvent(ID, "Consignee: X Ltd", false,
                List.of(), "us.investigator", "US-DEA");
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .when(new AnswerCooperationRequestCommand(ID, " Consignee: X Ltd ", false, null, US))
                .expectEvents(partial)
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(72)), CooperationRequest.OVERDUE);
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"),
                        new AnswerCooperationRequestCommand(ID, "Consignee: X Ltd", false, null, US))
                .when(new AnswerCooperationRequestCommand(ID, "Director: Y", true, ATTACHED, US))
                .expectEvents(new CooperationRequestAnsweredEvent(ID, "Director: Y", true, ATTACHED, "us.investigator", "US-DEA"))
                .expectNoScheduledDeadlines();
        fresh().given(sent, new CooperationRequestAnsweredEvent(ID, "done", true, List.of(), "us.investigator", "US-DEA"))
                .when(new AnswerCooperationRequestCommand(ID, "more", false, null, US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.CONFLICT, null, "ANSWERED"));
        fresh().given(sent).when(new AnswerCooperationRequestCommand(ID, " ", true, null, US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "answer"));
    }

    @Test
    void declineAndWithdrawStopTheClock() {
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .when(new DeclineCooperationRequestCommand(ID, "Outside our remit", US))
                .expectEvents(new CooperationRequestDeclinedEvent(ID, "Outside our remit", "us.investigator", "US-DEA"))
                .expectNoScheduledDeadlines();
        fresh().given(sent).when(new DeclineCooperationRequestCommand(ID, "", US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.INVALID, "reason"));
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .when(new WithdrawCooperationRequestCommand(ID, "Solved", CN))
                .expectEvents(new CooperationRequestWithdrawnEvent(ID, "Solved", "cn.investigator", "CN-NNCC"))
                .expectNoScheduledDeadlines();
        fresh().given(sent, new CooperationRequestWithdrawnEvent(ID, "Solved", "cn.investigator", "CN-NNCC"))
                .when(new DeclineCooperationRequestCommand(ID, "No", US))
                .expectNoEvents().expectException(rejected(Rejection.Reason.CONFLICT, null, "WITHDRAWN"));
    }

    @Test
    void theReceiverIsRemindedBeforeTheDeadline() {
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .whenTimeElapses(Duration.ofHours(61))
                .expectTriggeredDeadlinesWithName(CooperationRequest.REMINDER)
                .expectEvents(new CooperationRequestReminderIssuedEvent(ID, "US-DEA", now.plus(Duration.ofHours(72))));
    }

    @Test
    void unansweredItTurnsOverdueAtTheDeadlineThenIsEscalatedToSupervisors() {
        Instant due = now.plus(Duration.ofHours(72));
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .whenTimeElapses(Duration.ofHours(73))
                .expectEvents(new CooperationRequestReminderIssuedEvent(ID, "US-DEA", due),
                        new CooperationRequestOverdueEvent(ID, "US-DEA", due));
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"))
                .whenTimeElapses(Duration.ofHours(97))
                .expectEvents(new CooperationRequestReminderIssuedEvent(ID, "US-DEA", due),
                        new CooperationRequestOverdueEvent(ID, "US-DEA", due),
                        new CooperationRequestEscalatedEvent(ID, "US-DEA", "supervisor", due));
    }

    @Test
    void aPartialAnswerDoesNotPreventOverdueButAFullOneDoes() {
        Instant due = now.plus(Duration.ofHours(72));
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"),
                        new AnswerCooperationRequestCommand(ID, "part", false, null, US))
                .whenTimeElapses(Duration.ofHours(73))
                .expectEvents(new CooperationRequestReminderIssuedEvent(ID, "US-DEA", due),
                        new CooperationRequestOverdueEvent(ID, "US-DEA", due));
        fresh().givenCurrentTime(now).andGivenCommands(send("US-DEA", "Who consigned it?"),
                        new AnswerCooperationRequestCommand(ID, "all", true, null, US))
                .whenTimeElapses(Duration.ofHours(100))
                .expectNoEvents();
    }

    @Test
    void rejectionsAreCommandRejections() {
        fresh().given(sent).when(new AcknowledgeCooperationRequestCommand(ID, MX))
                .expectException(CommandRejectedException.class);
    }
}
