package io.jointops.finance.query.moneyflow;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A money-flow graph of known structure (over one connection, as a pooled service uses one per query), written straight into the graph's tables (COPY) of a schema of its own:
 * {@code networks} laundering networks of 100 transactions each, plus optionally one wide fan-out tree.
 * <p>
 * A network has a source account (layer 0) and layers 1..7 of 4 accounts each; the source pays each account of layer
 * 1, and every account of layer l pays every account of layer l+1 (16 transactions per layer). Layers 0-1 are in the
 * US, 2-3 in CN, 4-5 in MX, 6-7 in CN; a transaction is in the payer's currency (USD, CNY, MXN), of
 * {@code 100 + l} on 2026-01-(l+1) for a payer in layer l. Even networks are released to CN-CAMLMAC, odd ones not
 * (owner US-FINCEN). The tree: a root paying 10 accounts, each of them 10 more, four levels deep (11,110 transactions).
 */
final class GeneratedGraph {

    static final String OWNER = "US-FINCEN";
    static final String RELEASED = "CN-CAMLMAC";
    static final int PER_NETWORK = 100;
    static final int TREE_EDGES = 11_110;
    private static final String[] COUNTRY = {"US", "US", "CN", "CN", "MX", "MX", "CN", "CN"};
    private static final String[] CURRENCY = {"USD", "USD", "CNY", "CNY", "MXN", "MXN", "CNY", "CNY"};

    final DataSource dataSource;
    final String run;
    final int networks;

    private GeneratedGraph(DataSource dataSource, String run, int networks) {
        this.dataSource = dataSource;
        this.run = run;
        this.networks = networks;
    }

    /** Migrates {@code schema} (the service's own migrations) and writes the graph into it. */
    static GeneratedGraph create(String jdbcUrl, String user, String password, String schema, String run, int networks,
                                 boolean tree) throws SQLException, IOException {
        DataSource dataSource = new SingleConnectionDataSource(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, user, password, true);
        Flyway.configure().dataSource(jdbcUrl, user, password).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/processing", "classpath:db/finance").load().migrate();
        GeneratedGraph graph = new GeneratedGraph(dataSource, run, networks);
        graph.write(tree);
        return graph;
    }

    static String account(String country, String bank, String number) {
        return "ACCT:" + country + ":" + bank + ":" + number;
    }

    /** The node of account {@code k} of layer {@code layer} in network {@code n}. */
    String node(int n, int layer, int k) {
        return account(COUNTRY[layer], "BANK" + COUNTRY[layer], run + "N" + n + "L" + layer + "K" + (layer == 0 ? 0 : k));
    }

    String source(int n) {
        return node(n, 0, 0);
    }

    String treeRoot() {
        return account("US", "TREE", run + "T0");
    }

    String report(int n) {
        return run + "-net-" + n;
    }

    static BigDecimal amount(int layer) {
        return BigDecimal.valueOf(100 + layer).setScale(4);
    }

    static LocalDate date(int layer) {
        return LocalDate.of(2026, 1, layer + 1);
    }

    private void write(boolean tree) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            StringBuilder reports = new StringBuilder();
            for (int n = 0; n < networks; n++) {
                reports.append(report(n)).append(',').append(OWNER).append(',')
                        .append(n % 2 == 0 ? "\"{" + RELEASED + "}\"" : "{}").append('\n');
            }
            if (tree) {
                reports.append(run).append("-tree,").append(OWNER).append(",\"{").append(RELEASED).append("}\"\n");
            }
            copy(connection, "COPY money_flow_report (report_id, owner_agency, released_to) FROM STDIN WITH (FORMAT csv)", reports);

            StringBuilder edges = new StringBuilder(networks * PER_NETWORK * 160);
            for (int n = 0; n < networks; n++) {
                int index = 0;
                for (int k = 0; k < 4; k++) {
                    edge(edges, report(n), index++, 0, node(n, 0, 0), node(n, 1, k));
                }
                for (int layer = 1; layer <= 6; layer++) {
                    for (int from = 0; from < 4; from++) {
                        for (int to = 0; to < 4; to++) {
                            edge(edges, report(n), index++, layer, node(n, layer, from), node(n, layer + 1, to));
                        }
                    }
                }
            }
            if (tree) {
                int index = 0;
                List<String> level = List.of(treeRoot());
                for (int depth = 1; depth <= 4; depth++) {
                    java.util.ArrayList<String> next = new java.util.ArrayList<>();
                    for (String parent : level) {
                        for (int child = 0; child < 10; child++) {
                            String node = parent + "-" + child;
                            next.add(node);
                            edges.append(run).append("-tree,").append(index).append(",T").append(index++).append(',')
                                    .append(date(depth - 1)).append(",50.0000,USD,WIRE,").append(parent)
                                    .append(",,US,").append(node).append(",,US\n");
                        }
                    }
                    level = next;
                }
            }
            copy(connection, "COPY money_flow_edge (report_id, tx_index, tx_number, tx_date, amount, currency, mode,"
                    + " from_key, from_name, from_country, to_key, to_name, to_country) FROM STDIN WITH (FORMAT csv)", edges);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE money_flow_edge");
                statement.execute("ANALYZE money_flow_report");
            }
        }
    }

    private static void edge(StringBuilder edges, String report, int index, int layer, String from, String to) {
        edges.append(report).append(',').append(index).append(",T").append(index).append(',').append(date(layer))
                .append(',').append(amount(layer)).append(',').append(CURRENCY[layer]).append(",WIRE,")
                .append(from).append(",,").append(COUNTRY[layer]).append(',')
                .append(to).append(",,").append(COUNTRY[layer + 1]).append('\n');
    }

    private static void copy(Connection connection, String sql, CharSequence rows) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
    }

    /** Removes what this run wrote. */
    void delete() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM money_flow_edge WHERE report_id LIKE '" + run + "-%'");
            statement.execute("DELETE FROM money_flow_report WHERE report_id LIKE '" + run + "-%'");
        }
    }
}
