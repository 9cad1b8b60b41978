package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.AcknowledgeFreezeRequestCommand;
import io.jointops.api.finance.ExtendFreezeCommand;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeMeasure;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.FreezeUrgency;
import io.jointops.api.finance.GrantFreezeCommand;
import io.jointops.api.finance.LinkFreezeRequestToCaseCommand;
import io.jointops.api.finance.RejectFreezeRequestCommand;
import io.jointops.api.finance.ReleaseFreezeCommand;
import io.jointops.api.finance.RequestFreezeCommand;
import io.jointops.api.finance.TargetAmount;
import io.jointops.api.finance.WalletRef;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

/** Every path of a freeze request, its rejections, and its expiry and reminder deadlines. */
class FreezeRequestTest {

    private static final String ID = "freeze-1";
    /** A Friday. */
    private static final Instant NOW = Instant.parse("2026-10-16T10:00:00Z");
    private static final AccountRef US = new AccountRef(null, "000123456789", "026009593", "US");
    private static final AccountRef CN_1 = new AccountRef(null, "6222021234567890", "ICBKCNBJ", "CN");
    private static final AccountRef CN_2 = new AccountRef(null, "6217001234567890", "PCBCCNBJ", "CN");
    private static final List<FreezeTarget> TARGETS = List.of(
            new FreezeTarget(CN_1, null, null, "Shell Co A", new BigDecimal("400000.00"), "USD"),
            new FreezeTarget(CN_2, null, null, null, new BigDecimal("1500000"), "CNY"));
    /** CN postponements: 5 working days, so a grant on Friday lapses next Friday; reminder one day before. */
    private static final FreezeExpiryRules RULES = new FreezeExpiryRules(Map.of(
            "DEFAULT", Map.of(FreezeMeasure.POSTPONEMENT, "5 working days", FreezeMeasure.FREEZE, "30 days"),
            "CN", Map.of(FreezeMeasure.POSTPONEMENT, "5 working days")), Duration.ofDays(1));
    private static final Instant EXPIRY = Instant.parse("2026-10-23T10:00:00Z");

    private AggregateTestFixture<FreezeRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FreezeRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(RULES);
    }

    @Test
    void aRequestNamesBothCountriesAndNormalisedTargets() {
        List<FreezeTarget> spaced = List.of(new FreezeTarget(new AccountRef("de89 3704 0044 0532 0130 00", null, null, null),
                null, null, null, new BigDecimal("10"), "EUR"));
        fixture.givenNoPriorActivity()
                .when(request("CN-CAMLMAC", spaced))
                .expectEvents(new FreezeRequestedEvent(ID, "US-FINCEN", "US", "CN-CAMLMAC", "CN",
                        FreezeMeasure.POSTPONEMENT, "31 U.S.C. 5318", "case-1", FreezeUrgency.URGENT,
                        List.of(new FreezeTarget(new AccountRef("DE89370400440532013000", null, null, "DE"), null, null,
                                null, new BigDecimal("10"), "EUR")), Tlp.AMBER, HandlingCode.H2));
    }

    @Test
    void refusesARequestToTheSameCountryOrWithFaultyTargets() {
        fixture.givenNoPriorActivity().when(request("US-DEA", TARGETS))
                .expectException(rejected(Reason.INVALID, "receivingAgency", "another country"));
        fresh().givenNoPriorActivity().when(request("JOINT-AUDIT", TARGETS))
                .expectException(rejected(Reason.INVALID, "receivingAgency"));
        fresh().givenNoPriorActivity().when(request("CN-CAMLMAC", List.of()))
                .expectException(rejected(Reason.INVALID, "targets"));
        fresh().givenNoPriorActivity().when(request("CN-CAMLMAC", List.of(TARGETS.get(0),
                        new FreezeTarget(CN_2, new WalletRef("ETH", "0x52908400098527886E0F7030069857D2E4169EE7"), null,
                                null, BigDecimal.ONE, "USD"))))
                .expectException(rejected(Reason.INVALID, "targets[1].account", "exactly one"));
        fresh().givenNoPriorActivity().when(request("CN-CAMLMAC", List.of(new FreezeTarget(
                        new AccountRef("DE89370400440532013001", null, null, null), null, null, null, BigDecimal.ONE, "EUR"))))
                .expectException(rejected(Reason.INVALID, "targets[0].account.iban", "mod-97"));
        fresh().givenNoPriorActivity().when(request("CN-CAMLMAC", List.of(new FreezeTarget(CN_1, null, null, null,
                        BigDecimal.ONE, "RMB"))))
                .expectException(rejected(Reason.INVALID, "targets[0].currency"));
        fresh().givenNoPriorActivity().when(request("CN-CAMLMAC", List.of(new FreezeTarget(CN_1, null, null, null,
                        BigDecimal.ZERO, "CNY"))))
                .expectException(rejected(Reason.INVALID, "targets[0].amountSought"));
    }

    @Test
    void theReceiverAcknowledgesOnce() {
        fixture.given(requested())
                .when(new AcknowledgeFreezeRequestCommand(ID, "CN-CAMLMAC", 0L))
                .expectEvents(new FreezeRequestAcknowledgedEvent(ID, "CN-CAMLMAC"));
        fresh().given(requested(), acknowledged())
                .when(new AcknowledgeFreezeRequestCommand(ID, "CN-CAMLMAC", null))
                .expectException(rejected(Reason.CONFLICT, null, "ACKNOWLEDGED"));
    }

    @Test
    void onlyTheReceiverAnswersTheRequesterIsForbiddenOthersFindNothing() {
        fixture.given(requested()).when(new AcknowledgeFreezeRequestCommand(ID, "US-FINCEN", null))
                .expectException(rejected(Reason.FORBIDDEN, null, "CN-CAMLMAC"));
        fresh().given(requested()).when(new AcknowledgeFreezeRequestCommand(ID, "MX-FGR", null))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fresh().given(requested()).when(new AcknowledgeFreezeRequestCommand(ID, "CN-CAMLMAC", 4L))
                .expectException(rejected(Reason.STALE_VERSION, null));
    }

    @Test
    void aPartialFreezeExpiresByTheReceivingCountryRuleWithAReminderBefore() {
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("250000.00")), 1L))
                .expectEvents(new FreezeGrantedEvent(ID, List.of(new TargetAmount(0, new BigDecimal("250000.00"), "USD")),
                        true, EXPIRY, "5 working days"))
                .expectScheduledDeadlineWithName(Duration.between(NOW, EXPIRY), FreezeRequest.EXPIRY)
                .expectScheduledDeadlineWithName(Duration.between(NOW, EXPIRY.minus(Duration.ofDays(1))), FreezeRequest.REMINDER);
    }

    @Test
    void aFullFreezeIsNotPartial() {
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("400000"), 1, new BigDecimal("1500000")), null))
                .expectEvents(new FreezeGrantedEvent(ID, List.of(new TargetAmount(0, new BigDecimal("400000"), "USD"),
                        new TargetAmount(1, new BigDecimal("1500000"), "CNY")), false, EXPIRY, "5 working days"));
    }

    @Test
    void refusesAFreezeBeforeAcknowledgementOrWithWrongAmounts() {
        fixture.given(requested()).when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, BigDecimal.ONE), null))
                .expectException(rejected(Reason.CONFLICT, null, "REQUESTED"));
        fresh().given(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("400000.01")), null))
                .expectException(rejected(Reason.INVALID, "amounts[0]", "400000.00 USD"));
        fresh().given(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(2, BigDecimal.ONE), null))
                .expectException(rejected(Reason.INVALID, "amounts[2]"));
        fresh().given(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, BigDecimal.ZERO), null))
                .expectException(rejected(Reason.INVALID, "amounts", "reject"));
        fresh().given(requested(), acknowledged())
                .when(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(), null))
                .expectException(rejected(Reason.INVALID, "amounts"));
    }

    @Test
    void theReminderAndTheExpiryFireAsEvents() {
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged())
                .andGivenCommands(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("250000.00")), null))
                .whenTimeElapses(Duration.ofDays(7))
                .expectDeadlinesMet(new FreezeDeadline(EXPIRY), new FreezeDeadline(EXPIRY))
                .expectEvents(new FreezeExpiryReminderIssuedEvent(ID, EXPIRY),
                        new FreezeExpiredEvent(ID, EXPIRY, List.of(new TargetAmount(0, new BigDecimal("250000.00"), "USD"))));
    }

    @Test
    void anExtensionMovesTheExpiryAndTheOldDeadlinesDoNothing() {
        Instant extended = Instant.parse("2026-10-30T10:00:00Z");
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged())
                .andGivenCommands(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("250000.00")), null),
                        new ExtendFreezeCommand(ID, "CN-CAMLMAC", null, null))
                .whenTimeElapses(Duration.ofDays(13).plusHours(1))
                // the old reminder (22nd) and expiry (23rd) were cancelled; the new reminder (29th) fires, the new expiry (30th) not yet
                .expectEvents(new FreezeExpiryReminderIssuedEvent(ID, extended))
                .expectDeadlinesMet(new FreezeDeadline(extended));
    }

    @Test
    void anExtensionByTheRuleOrToAGivenLaterInstant() {
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged(), granted())
                .when(new ExtendFreezeCommand(ID, "CN-CAMLMAC", null, 2L))
                .expectEvents(new FreezeExtendedEvent(ID, EXPIRY, Instant.parse("2026-10-30T10:00:00Z")));
        fresh().givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged(), granted())
                .when(new ExtendFreezeCommand(ID, "CN-CAMLMAC", Instant.parse("2026-11-20T00:00:00Z"), null))
                .expectEvents(new FreezeExtendedEvent(ID, EXPIRY, Instant.parse("2026-11-20T00:00:00Z")));
        fresh().givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged(), granted())
                .when(new ExtendFreezeCommand(ID, "CN-CAMLMAC", EXPIRY, null))
                .expectException(rejected(Reason.INVALID, "expiresAt"));
        fresh().given(requested(), acknowledged())
                .when(new ExtendFreezeCommand(ID, "CN-CAMLMAC", null, null))
                .expectException(rejected(Reason.CONFLICT, null));
    }

    @Test
    void aReleaseFreesWhatWasFrozenAndLaterDeadlinesDoNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(requested(), acknowledged())
                .andGivenCommands(new GrantFreezeCommand(ID, "CN-CAMLMAC", Map.of(0, new BigDecimal("250000.00")), null),
                        new ReleaseFreezeCommand(ID, "CN-CAMLMAC", "court order lifted", null))
                .whenTimeElapses(Duration.ofDays(10))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        fresh().given(requested(), acknowledged(), granted())
                .when(new ReleaseFreezeCommand(ID, "CN-CAMLMAC", " court order lifted ", null))
                .expectEvents(new FreezeReleasedEvent(ID, "CN-CAMLMAC", "court order lifted",
                        List.of(new TargetAmount(0, new BigDecimal("250000.00"), "USD"))));
        fresh().given(requested(), acknowledged(), granted(), new FreezeReleasedEvent(ID, "CN-CAMLMAC", null, List.of()))
                .when(new ReleaseFreezeCommand(ID, "CN-CAMLMAC", null, null))
                .expectException(rejected(Reason.CONFLICT, null, "RELEASED"));
    }

    @Test
    void theReceiverRejectsWithAReasonBeforeFreezing() {
        fixture.given(requested())
                .when(new RejectFreezeRequestCommand(ID, "CN-CAMLMAC", " insufficient grounds ", null))
                .expectEvents(new FreezeRequestRejectedEvent(ID, "CN-CAMLMAC", "insufficient grounds"));
        fresh().given(requested(), acknowledged())
                .when(new RejectFreezeRequestCommand(ID, "CN-CAMLMAC", " ", null))
                .expectException(rejected(Reason.INVALID, "reason"));
        fresh().given(requested(), acknowledged(), granted())
                .when(new RejectFreezeRequestCommand(ID, "CN-CAMLMAC", "too late", null))
                .expectException(rejected(Reason.CONFLICT, null, "FROZEN"));
    }

    @Test
    void linksToACaseOfTheTwoAgenciesOnly() {
        fixture.given(requested(), acknowledged())
                .when(new LinkFreezeRequestToCaseCommand(ID, "case-9", Set.of("US-FINCEN", "CN-CAMLMAC"), "US-FINCEN"))
                .expectEvents(new FreezeRequestLinkedToCaseEvent(ID, "case-9",
                        "POSTPONEMENT request of US-FINCEN to CN-CAMLMAC", "ACKNOWLEDGED"));
        fresh().given(requested(), new FreezeRequestLinkedToCaseEvent(ID, "case-9", "t", "REQUESTED"))
                .when(new LinkFreezeRequestToCaseCommand(ID, "case-9", Set.of("US-FINCEN"), "US-FINCEN"))
                .expectNoEvents();
        fresh().given(requested())
                .when(new LinkFreezeRequestToCaseCommand(ID, "case-9", Set.of("US-FINCEN", "US-DEA"), "US-FINCEN"))
                .expectException(rejected(Reason.FORBIDDEN, null, "US-DEA"));
        fresh().given(requested())
                .when(new LinkFreezeRequestToCaseCommand(ID, "case-9", Set.of("MX-FGR"), "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null));
    }

    /** A fixture per scenario: the stub deadline manager keeps what an earlier scenario scheduled. */
    private AggregateTestFixture<FreezeRequest> fresh() {
        setUp();
        return fixture;
    }

    private static RequestFreezeCommand request(String receiver, List<FreezeTarget> targets) {
        return new RequestFreezeCommand(ID, "US-FINCEN", receiver, FreezeMeasure.POSTPONEMENT, " 31 U.S.C. 5318 ",
                "case-1", FreezeUrgency.URGENT, targets, Tlp.AMBER, HandlingCode.H2);
    }

    private static FreezeRequestedEvent requested() {
        return new FreezeRequestedEvent(ID, "US-FINCEN", "US", "CN-CAMLMAC", "CN", FreezeMeasure.POSTPONEMENT,
                "31 U.S.C. 5318", "case-1", FreezeUrgency.URGENT, TARGETS, Tlp.AMBER, HandlingCode.H2);
    }

    private static FreezeRequestAcknowledgedEvent acknowledged() {
        return new FreezeRequestAcknowledgedEvent(ID, "CN-CAMLMAC");
    }

    private static FreezeGrantedEvent granted() {
        return new FreezeGrantedEvent(ID, List.of(new TargetAmount(0, new BigDecimal("250000.00"), "USD")), true,
                EXPIRY, "5 working days");
    }
}
