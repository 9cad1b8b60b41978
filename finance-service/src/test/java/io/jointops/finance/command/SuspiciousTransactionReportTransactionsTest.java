package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.FileSuspiciousTransactionReportCommand;
import io.jointops.api.finance.LinkTransactionReportToCaseCommand;
import io.jointops.api.finance.ReleaseTransactionReportCommand;
import io.jointops.api.finance.ReportCode;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.finance.WalletRef;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.jointops.platform.test.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

/** Transactions, release and case links of a report. */
class SuspiciousTransactionReportTransactionsTest {

    private static final String ID = "str-2";
    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    static final AccountRef US_ACCOUNT = new AccountRef(null, "000123456789", "026009593", "US");
    static final AccountRef CN_ACCOUNT = new AccountRef(null, "6222 0212 3456 7890", "ICBKCNBJ", "CN");
    static final AccountRef DE_IBAN = new AccountRef("de89 3704 0044 0532 0130 00", null, null, null);

    private AggregateTestFixture<SuspiciousTransactionReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SuspiciousTransactionReport.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void filesTransactionsInBatchesOf500WithNormalisedIbans() {
        List<ReportedTransaction> transactions = new ArrayList<>();
        IntStream.range(0, 1201).forEach(i -> transactions.add(tx("T" + i, US_ACCOUNT, null, DE_IBAN, null)));
        fixture.givenNoPriorActivity()
                .when(file(transactions))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SuspiciousTransactionReportFiledEvent.class),
                        batch(0, 500), batch(500, 500), batch(1000, 201), andNoMore())));
        // 500 transactions: the filed event counts them, one batch holds them with the IBAN normalised
        ReportedTransaction normalised = new ReportedTransaction("T0", DAY, new BigDecimal("9500.00"), "USD", "WIRE",
                "A", US_ACCOUNT, null, "B", new AccountRef("DE89370400440532013000", null, null, "DE"), null);
        List<ReportedTransaction> firstBatch = new ArrayList<>();
        IntStream.range(0, 500).forEach(i -> firstBatch.add(new ReportedTransaction("T" + i, DAY,
                new BigDecimal("9500.00"), "USD", "WIRE", "A", US_ACCOUNT, null, "B",
                new AccountRef("DE89370400440532013000", null, null, "DE"), null)));
        assertThat(firstBatch.get(0)).isEqualTo(normalised);
        fixture.givenNoPriorActivity()
                .when(file(transactions.subList(0, 500)))
                .expectEvents(new SuspiciousTransactionReportFiledEvent(ID, ReportCode.STR, "First Bank", DAY, "reason",
                                "US-FINCEN", List.of(), Tlp.AMBER, HandlingCode.H2, "J. Doe", List.of("structuring"), 500),
                        new TransactionsReportedEvent(ID, 0, firstBatch));
    }

    @Test
    void refusesTheWholeReportNamingTheFirstFaultyLine() {
        List<ReportedTransaction> transactions = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> transactions.add(tx("T" + i, US_ACCOUNT, null, CN_ACCOUNT, null)));
        transactions.set(7, tx("T7", new AccountRef("DE89370400440532013001", null, null, null), null, CN_ACCOUNT, null));
        fixture.givenNoPriorActivity()
                .when(file(transactions))
                .expectException(rejected(Reason.INVALID, "transactions[7].fromAccount.iban", "mod-97"))
                .expectNoEvents();
    }

    @Test
    void refusesASideWithBothOrNeitherAccountAndWallet() {
        WalletRef wallet = new WalletRef("ETH", "0x52908400098527886E0F7030069857D2E4169EE7");
        fixture.givenNoPriorActivity()
                .when(file(List.of(tx("T0", US_ACCOUNT, wallet, CN_ACCOUNT, null))))
                .expectException(rejected(Reason.INVALID, "transactions[0].fromAccount"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(file(List.of(tx("T0", US_ACCOUNT, null, null, null))))
                .expectException(rejected(Reason.INVALID, "transactions[0].toAccount"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownCurrencyAndABadWallet() {
        ReportedTransaction badCurrency = new ReportedTransaction("T0", DAY, BigDecimal.TEN, "XYZ", null, null,
                US_ACCOUNT, null, null, CN_ACCOUNT, null);
        fixture.givenNoPriorActivity().when(file(List.of(badCurrency)))
                .expectException(rejected(Reason.INVALID, "transactions[0].currency", "ISO 4217"));
        fixture.givenNoPriorActivity()
                .when(file(List.of(tx("T0", US_ACCOUNT, null, null, new WalletRef("ETH", "0x1234")))))
                .expectException(rejected(Reason.INVALID, "transactions[0].toWallet.address", "ETH"));
    }

    @Test
    void theOwnerReleasesToOneMoreAgencyOnce() {
        fixture.given(filed())
                .when(new ReleaseTransactionReportCommand(ID, "CN-CAMLMAC", "US-FINCEN", 0L))
                .expectEvents(new TransactionReportReleaseWidenedEvent(ID, "CN-CAMLMAC"));
        fixture.given(filed(), new TransactionReportReleaseWidenedEvent(ID, "CN-CAMLMAC"))
                .when(new ReleaseTransactionReportCommand(ID, "CN-CAMLMAC", "US-FINCEN", null))
                .expectException(rejected(Reason.CONFLICT, "agency"));
    }

    @Test
    void onlyTheOwnerReleasesAndAStaleVersionIsRefused() {
        fixture.given(filed(), new TransactionReportReleaseWidenedEvent(ID, "CN-CAMLMAC"))
                .when(new ReleaseTransactionReportCommand(ID, "MX-FGR", "CN-CAMLMAC", null))
                .expectException(rejected(Reason.FORBIDDEN, null, "US-FINCEN"));
        fixture.given(filed())
                .when(new ReleaseTransactionReportCommand(ID, "CN-CAMLMAC", "MX-FGR", null))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(filed())
                .when(new ReleaseTransactionReportCommand(ID, "CN-CAMLMAC", "US-FINCEN", 3L))
                .expectException(rejected(Reason.STALE_VERSION, null));
        fixture.given(filed())
                .when(new ReleaseTransactionReportCommand(ID, "cn", "US-FINCEN", null))
                .expectException(rejected(Reason.INVALID, "agency"));
    }

    @Test
    void linksToACaseWhoseAgenciesAllSeeTheReportOnce() {
        fixture.given(filed(), new TransactionReportReleaseWidenedEvent(ID, "CN-CAMLMAC"))
                .when(new LinkTransactionReportToCaseCommand(ID, "case-1", Set.of("US-FINCEN", "CN-CAMLMAC"), "CN-CAMLMAC"))
                .expectEvents(new TransactionReportLinkedToCaseEvent(ID, "case-1", "STR First Bank 2026-10-01", "FILED"));
        fixture.given(filed(), new TransactionReportLinkedToCaseEvent(ID, "case-1", "STR First Bank 2026-10-01", "FILED"))
                .when(new LinkTransactionReportToCaseCommand(ID, "case-1", Set.of("US-FINCEN"), "US-FINCEN"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesALinkTheRequesterOrACaseAgencyMayNotSee() {
        fixture.given(filed())
                .when(new LinkTransactionReportToCaseCommand(ID, "case-1", Set.of("MX-FGR"), "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(filed())
                .when(new LinkTransactionReportToCaseCommand(ID, "case-1", Set.of("US-FINCEN", "MX-FGR", "CN-NNCC"), "US-FINCEN"))
                .expectException(rejected(Reason.FORBIDDEN, null, "CN-NNCC, MX-FGR"))
                .expectNoEvents();
    }

    private static SuspiciousTransactionReportFiledEvent filed() {
        return new SuspiciousTransactionReportFiledEvent(ID, ReportCode.STR, "First Bank", DAY, "reason", "US-FINCEN",
                List.of(), Tlp.AMBER, HandlingCode.H2, null, List.of(), 0);
    }

    private static Matcher<Object> batch(int first, int size) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof TransactionsReportedEvent batch && batch.firstIndex() == first
                        && batch.transactions().size() == size;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a batch of " + size + " from " + first);
            }
        };
    }

    static ReportedTransaction tx(String number, AccountRef fromAccount, WalletRef fromWallet, AccountRef toAccount,
                                  WalletRef toWallet) {
        return new ReportedTransaction(number, DAY, new BigDecimal("9500.00"), "USD", "WIRE", "A", fromAccount,
                fromWallet, "B", toAccount, toWallet);
    }

    private static FileSuspiciousTransactionReportCommand file(List<ReportedTransaction> transactions) {
        return new FileSuspiciousTransactionReportCommand(ID, ReportCode.STR, "First Bank", DAY, "reason", "J. Doe",
                List.of(" structuring "), transactions, "US-FINCEN", Set.of(), Tlp.AMBER, HandlingCode.H2);
    }
}
