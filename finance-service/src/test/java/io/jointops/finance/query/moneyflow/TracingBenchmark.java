package io.jointops.finance.query.moneyflow;

import io.jointops.finance.query.moneyflow.MoneyFlows.Direction;
import io.jointops.platform.replay.ViewReplays;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Times "follow the money" on a graph of 100,010 transactions in an embedded PostgreSQL 15 (not a unit test: its
 * numbers depend on the machine). Runs each query 5 times to warm up, then 11 times, and prints the median, with a
 * baseline measured in the same run: one indexed lookup of a single node's outgoing edges, visibility included.
 * <p>
 * Run: {@code ./mvnw -B -o -q test -pl finance-service -Dtest=TracingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (surefire runs it only when named) or its {@code main}. Results: docs/performance-tracing.md.
 */
class TracingBenchmark {

    private static final int NETWORKS = 889;
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;
    private static final LocalDate FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate TO = LocalDate.of(9999, 12, 31);

    @Test
    void run() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            long start = System.nanoTime();
            GeneratedGraph graph = GeneratedGraph.create(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres", "finance", "b", NETWORKS, true);
            JdbcTemplate jdbc = new JdbcTemplate(graph.dataSource);
            long edges = jdbc.queryForObject("SELECT count(*) FROM money_flow_edge", Long.class);
            System.out.printf(Locale.ROOT, "graph: %d transactions (%d networks of %d + a tree of %d), %d reports, written in %.1f s%n",
                    edges, NETWORKS, GeneratedGraph.PER_NETWORK, GeneratedGraph.TREE_EDGES,
                    jdbc.queryForObject("SELECT count(*) FROM money_flow_report", Long.class), (System.nanoTime() - start) / 1e9);
            MoneyFlows flows = new MoneyFlows(jdbc, Mockito.mock(ViewReplays.class));
            Random random = new Random(6);
            String agency = GeneratedGraph.RELEASED;

            // baseline: the single-edge lookup every hop is made of, for one node, with the visibility check
            double baseline = median("baseline: one node's outgoing edges (indexed lookup)", () -> jdbc.query("""
                            SELECT e.* FROM money_flow_edge e WHERE e.from_key = ? AND e.tx_date BETWEEN ? AND ?
                               AND EXISTS (SELECT 1 FROM money_flow_report r WHERE r.report_id = e.report_id
                                           AND (r.owner_agency = ? OR ? = ANY(r.released_to)))""",
                    (row, n) -> 1, graph.source(evenNetwork(random)), FROM, TO, agency, agency).size());
            double forward = median("follow the money: 6 hops forward from a source (84 transactions)",
                    () -> flows.trace(graph.source(evenNetwork(random)), Direction.FORWARD, 6, FROM, TO, agency, 1000).transactions());
            double backward = median("follow the money: 6 hops backward from layer 6 (72 transactions)",
                    () -> flows.trace(graph.node(evenNetwork(random), 6, random.nextInt(4)), Direction.BACKWARD, 6, FROM, TO,
                            agency, 1000).transactions());
            double auditor = median("follow the money: 6 hops forward, auditor (no visibility filter)",
                    () -> flows.trace(graph.source(random.nextInt(NETWORKS)), Direction.FORWARD, 6, FROM, TO, null, 1000).transactions());
            double wide = median("follow the money: 6 hops from the tree root (11,110 transactions, 1,000 listed)",
                    () -> flows.trace(graph.treeRoot(), Direction.FORWARD, 6, FROM, TO, agency, 1000).transactions());
            System.out.printf(Locale.ROOT, "ratio forward/baseline: %.1f, backward/baseline: %.1f, wide/baseline: %.1f%n",
                    forward / baseline, backward / baseline, wide / baseline);
        }
    }

    private static int evenNetwork(Random random) {
        return 2 * random.nextInt(NETWORKS / 2);
    }

    /** Median of {@link #RUNS} timed runs after {@link #WARM_UP} untimed ones, in milliseconds; printed. */
    private static double median(String name, IntSupplier query) {
        int result = 0;
        for (int i = 0; i < WARM_UP; i++) {
            result = query.getAsInt();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = query.getAsInt();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = sorted[RUNS / 2];
        List<String> runs = new ArrayList<>();
        for (double m : millis) {
            runs.add(String.format(Locale.ROOT, "%.2f", m));
        }
        System.out.printf(Locale.ROOT, "%-82s median %8.2f ms (min %.2f, max %.2f; result %d) runs %s%n", name, median,
                sorted[0], sorted[RUNS - 1], result, runs);
        return median;
    }
}
