package io.jointops.finance.query.moneyflow;

import io.jointops.finance.query.moneyflow.MoneyFlows.Direction;
import io.jointops.finance.query.moneyflow.Trace.Amount;
import io.jointops.finance.query.moneyflow.Trace.CountryAmount;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Follow the money" on a generated graph of known structure (see {@link GeneratedGraph}): hops, totals per hop,
 * currency and country, cross-border edges, direction, dates and visibility per report, with the answers worked out
 * from the structure. The timing is measured by {@code TracingBenchmark}, not here.
 */
class MoneyFlowsGraphIT {

    private static final LocalDate ANY_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate ANY_TO = LocalDate.of(9999, 12, 31);

    static GeneratedGraph graph;
    static MoneyFlows flows;

    @BeforeAll
    static void generate() throws Exception {
        // 200 networks (20,000 transactions) and the tree, in a schema of this test's own
        graph = GeneratedGraph.create(TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password(), "finance_graph_test",
                "g" + UUID.randomUUID().toString().substring(0, 8), 200, true);
        flows = new MoneyFlows(new JdbcTemplate(graph.dataSource), Mockito.mock(ViewReplays.class));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        graph.delete();
    }

    @Test
    void forwardSixHopsFromASourceFindsItsWholeNetworkWithTotalsPerHopCurrencyAndCountry() {
        Trace trace = flows.trace(graph.source(42), Direction.FORWARD, 6, ANY_FROM, ANY_TO, GeneratedGraph.RELEASED, 1000);
        assertThat(trace.transactions()).isEqualTo(4 + 5 * 16);
        assertThat(trace.nodesReached()).isEqualTo(6 * 4);
        assertThat(trace.crossBorderEdges()).isEqualTo(3 * 16);
        assertThat(trace.perHop()).extracting(Trace.HopTotal::transactions).containsExactly(4, 16, 16, 16, 16, 16);
        assertThat(trace.perHop()).extracting(Trace.HopTotal::crossBorderEdges).containsExactly(0, 16, 0, 16, 0, 16);
        assertThat(trace.perHop()).extracting(Trace.HopTotal::nodesReached).containsExactly(4, 4, 4, 4, 4, 4);
        assertThat(trace.perHop().get(0).amounts()).containsExactly(amount("USD", "400", 4));
        assertThat(trace.perHop().get(1).amounts()).containsExactly(amount("USD", "1616", 16));
        assertThat(trace.perHop().get(2).amounts()).containsExactly(amount("CNY", "1632", 16));
        assertThat(trace.perHop().get(5).amounts()).containsExactly(amount("MXN", "1680", 16));
        assertThat(trace.perCurrency()).containsExactly(amount("CNY", "3280", 32), amount("MXN", "3344", 32),
                amount("USD", "2016", 20));
        assertThat(trace.perCountry()).containsExactly(
                country("CN", "CNY", "1632", 16), country("CN", "MXN", "1680", 16), country("CN", "USD", "1616", 16),
                country("MX", "CNY", "1648", 16), country("MX", "MXN", "1664", 16), country("US", "USD", "400", 4));
        // every edge once, in hop order; the cross-border ones are marked (a hop that finds nothing is listed with 0 and ends the search)
        assertThat(trace.edges()).hasSize(84).doesNotHaveDuplicates();
        assertThat(trace.edges().stream().filter(Trace.FlowEdge::crossBorder).map(e -> e.from().country() + ">" + e.to().country())
                .distinct()).containsExactly("US>CN", "CN>MX", "MX>CN");
        assertThat(trace.edgesTruncated()).isFalse();
    }

    @Test
    void fewerHopsAndAnEarlierEndDateCutTheFlows() {
        assertThat(flows.trace(graph.source(42), Direction.FORWARD, 2, ANY_FROM, ANY_TO, GeneratedGraph.RELEASED, 1000)
                .transactions()).isEqualTo(20);
        Trace untilThe3rd = flows.trace(graph.source(42), Direction.FORWARD, 6, ANY_FROM, LocalDate.of(2026, 1, 3),
                GeneratedGraph.RELEASED, 1000);
        assertThat(untilThe3rd.transactions()).isEqualTo(4 + 16 + 16);
        assertThat(untilThe3rd.perHop()).hasSize(4);
        assertThat(untilThe3rd.perHop().get(3).transactions()).isZero();
        // the first hop is dated 2026-01-01: starting later, nothing leaves the source
        assertThat(flows.trace(graph.source(42), Direction.FORWARD, 6, LocalDate.of(2026, 1, 2), ANY_TO,
                GeneratedGraph.RELEASED, 1000).transactions()).isZero();
    }

    @Test
    void backwardFromALateAccountLeadsToTheSource() {
        Trace trace = flows.trace(graph.node(42, 6, 1), Direction.BACKWARD, 6, ANY_FROM, ANY_TO, GeneratedGraph.RELEASED, 1000);
        assertThat(trace.perHop()).extracting(Trace.HopTotal::transactions).containsExactly(4, 16, 16, 16, 16, 4);
        assertThat(trace.nodesReached()).isEqualTo(5 * 4 + 1);
        assertThat(trace.edges().get(trace.edges().size() - 1).from().key()).isEqualTo(graph.source(42));
        // backward, a country is the payer's
        assertThat(trace.perCountry()).contains(country("US", "USD", "2016", 20));
    }

    @Test
    void onlyReportsVisibleToTheCallerFormTheGraph() {
        assertThat(flows.trace(graph.source(43), Direction.FORWARD, 6, ANY_FROM, ANY_TO, GeneratedGraph.RELEASED, 1000)
                .transactions()).isZero();
        assertThat(flows.trace(graph.source(43), Direction.FORWARD, 6, ANY_FROM, ANY_TO, GeneratedGraph.OWNER, 1000)
                .transactions()).isEqualTo(84);
        assertThat(flows.trace(graph.source(43), Direction.FORWARD, 6, ANY_FROM, ANY_TO, null, 1000)
                .transactions()).isEqualTo(84);
        assertThat(flows.trace(graph.source(42), Direction.FORWARD, 6, ANY_FROM, ANY_TO, "MX-FGR", 1000)
                .transactions()).isZero();
    }

    @Test
    void aWideTraceCountsEverythingButListsOnlyTheLimit() {
        Trace trace = flows.trace(graph.treeRoot(), Direction.FORWARD, 6, ANY_FROM, ANY_TO, GeneratedGraph.RELEASED, 100);
        assertThat(trace.transactions()).isEqualTo(GeneratedGraph.TREE_EDGES);
        assertThat(trace.perHop()).extracting(Trace.HopTotal::transactions).containsExactly(10, 100, 1000, 10_000, 0);
        assertThat(trace.perCurrency()).containsExactly(amount("USD", "555500", GeneratedGraph.TREE_EDGES));
        assertThat(trace.edges()).hasSize(100);
        assertThat(trace.edgesTruncated()).isTrue();
    }

    @Test
    void anUnknownNodeHasNoFlows() {
        Trace trace = flows.trace("IBAN:DE89370400440532013000", Direction.FORWARD, 6, ANY_FROM, ANY_TO, null, 1000);
        assertThat(trace.transactions()).isZero();
        assertThat(trace.perHop()).hasSize(1);
        assertThat(trace.edges()).isEmpty();
    }

    private static Amount amount(String currency, String amount, int transactions) {
        return new Amount(currency, new BigDecimal(amount).setScale(4), transactions);
    }

    private static CountryAmount country(String country, String currency, String amount, int transactions) {
        return new CountryAmount(country, currency, new BigDecimal(amount).setScale(4), transactions);
    }

}
