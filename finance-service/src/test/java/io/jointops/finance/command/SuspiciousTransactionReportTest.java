package io.jointops.finance.command;

import io.jointops.api.finance.FileSuspiciousTransactionReportCommand;
import io.jointops.api.finance.ReportCode;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
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

class SuspiciousTransactionReportTest {

    private static final String ID = "str-1";
    private static final LocalDate SUBMITTED = LocalDate.of(2026, 10, 14);

    private AggregateTestFixture<SuspiciousTransactionReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SuspiciousTransactionReport.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void filesAReportWithTrimmedTextAndSortedRelease() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, " First Bank ", SUBMITTED, " Structuring below threshold ", "US-FINCEN",
                        Set.of("US-DEA", "CN-NNCC")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SuspiciousTransactionReportFiledEvent(ID, ReportCode.STR, "First Bank", SUBMITTED,
                        "Structuring below threshold", "US-FINCEN", List.of("CN-NNCC", "US-DEA"), Tlp.AMBER,
                        HandlingCode.H2, null, List.of(), 0));
    }

    @ParameterizedTest
    @EnumSource(ReportCode.class)
    void filesEveryGoAmlReportCodeReleasedToNobody(ReportCode code) {
        fixture.givenNoPriorActivity()
                .when(file(code, "First Bank", SUBMITTED, "reason", "US-FINCEN", null))
                .expectEvents(new SuspiciousTransactionReportFiledEvent(ID, code, "First Bank", SUBMITTED, "reason",
                        "US-FINCEN", List.of(), Tlp.AMBER, HandlingCode.H2, null, List.of(), 0));
    }

    @Test
    void refusesAMissingReportCode() {
        fixture.givenNoPriorActivity()
                .when(file(null, "First Bank", SUBMITTED, "reason", "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "reportCode"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankReportingEntityOrReason(String blank) {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, blank, SUBMITTED, "reason", "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "reportingEntity", "blank"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "First Bank", SUBMITTED, blank, "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "reason", "blank"))
                .expectNoEvents();
    }

    @Test
    void refusesTooLongText() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "x".repeat(201), SUBMITTED, "reason", "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "reportingEntity", "200"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "First Bank", SUBMITTED, "y".repeat(4001), "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "reason", "4000"))
                .expectNoEvents();
    }

    @Test
    void acceptsTheLongestText() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "x".repeat(200), SUBMITTED, "y".repeat(4000), "US-FINCEN", Set.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAMissingSubmissionDate() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.CTR, "First Bank", null, "reason", "US-FINCEN", Set.of()))
                .expectException(rejected(Reason.INVALID, "submissionDate"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingTlpOrHandlingCode() {
        fixture.givenNoPriorActivity()
                .when(new FileSuspiciousTransactionReportCommand(ID, ReportCode.STR, "First Bank", SUBMITTED, "reason",
                        null, null, null, "US-FINCEN", Set.of(), null, HandlingCode.H2))
                .expectException(rejected(Reason.INVALID, "tlp"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FileSuspiciousTransactionReportCommand(ID, ReportCode.STR, "First Bank", SUBMITTED, "reason",
                        null, null, null, "US-FINCEN", Set.of(), Tlp.RED, null))
                .expectException(rejected(Reason.INVALID, "handlingCode"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOwnerThatIsNoAgencyCode() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "First Bank", SUBMITTED, "reason", null, Set.of()))
                .expectException(rejected(Reason.INVALID, "ownerAgency"))
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseToSomethingThatIsNoAgencyCode() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "First Bank", SUBMITTED, "reason", "US-FINCEN", Set.of("us-dea")))
                .expectException(rejected(Reason.INVALID, "releasedTo", "us-dea"))
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseToTheOwnerItself() {
        fixture.givenNoPriorActivity()
                .when(file(ReportCode.STR, "First Bank", SUBMITTED, "reason", "US-FINCEN", Set.of("US-DEA", "US-FINCEN")))
                .expectException(rejected(Reason.INVALID, "releasedTo", "owner"))
                .expectNoEvents();
    }

    private static FileSuspiciousTransactionReportCommand file(ReportCode code, String entity, LocalDate submitted,
                                                               String reason, String owner, Set<String> releasedTo) {
        return new FileSuspiciousTransactionReportCommand(ID, code, entity, submitted, reason, null, null, null, owner,
                releasedTo, Tlp.AMBER, HandlingCode.H2);
    }
}
