package io.jointops.finance.query.moneyflow;

import io.jointops.finance.query.moneyflow.Trace.Amount;
import io.jointops.finance.query.moneyflow.Trace.CountryAmount;
import io.jointops.finance.query.moneyflow.Trace.FlowEdge;
import io.jointops.finance.query.moneyflow.Trace.HopTotal;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "Follow the money" over the graph, for one agency. A breadth-first search run as one indexed query per hop
 * (at most 6): the frontier's nodes go in as one array, {@code = ANY(?)} turns into one range scan per node on
 * {@code (from_key, tx_date)} (or {@code (to_key, tx_date)} backward), and the report's visibility is a semi-join on
 * {@code money_flow_report}'s primary key. Each node is expanded once, at the hop it is first reached, so the work is
 * bounded by the edges actually reached, never by the number of paths (which a naive recursive query would follow).
 */
@Component
public class MoneyFlows {

    public enum Direction { FORWARD, BACKWARD }

    public static final int MAX_HOPS = 6;

    private static final String COLUMNS = """
            e.report_id, e.tx_index, e.tx_number, e.tx_date, e.amount, e.currency, e.mode,
            e.from_key, e.from_name, e.from_country, e.to_key, e.to_name, e.to_country""";
    private static final String VISIBLE = """
             AND EXISTS (SELECT 1 FROM money_flow_report r WHERE r.report_id = e.report_id
                                AND (r.owner_agency = ? OR ? = ANY(r.released_to)))""";

    private final JdbcTemplate jdbc;
    private final ViewReplays replays;

    MoneyFlows(JdbcTemplate jdbc, ViewReplays replays) {
        this.jdbc = jdbc;
        this.replays = replays;
    }

    /**
     * @param start     a node key (see {@link FlowNode#key()})
     * @param agency    the caller's agency; {@code null} means unrestricted (joint auditors)
     * @param edgeLimit how many edges to list at most (totals count all)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the graph is being rebuilt
     */
    public Trace trace(String start, Direction direction, int hops, LocalDate from, LocalDate to, String agency,
                       int edgeLimit) {
        replays.requireServing(MoneyFlowProjector.PROCESSING_GROUP);
        if (hops < 1 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("hops must be 1 to " + MAX_HOPS);
        }
        String near = direction == Direction.FORWARD ? "from_key" : "to_key";
        String sql = "SELECT " + COLUMNS + " FROM money_flow_edge e WHERE e." + near + " = ANY(?) AND e.tx_date BETWEEN ? AND ? "
                + (agency == null ? "" : VISIBLE) + " ORDER BY e.tx_date, e.report_id, e.tx_index";

        Map<String, Integer> reached = new HashMap<>();
        reached.put(start, 0);
        List<String> frontier = List.of(start);
        List<FlowEdge> edges = new ArrayList<>();
        List<HopTotal> perHop = new ArrayList<>();
        Totals all = new Totals();
        Map<List<String>, Totals> byCountry = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(key -> key.get(1)));
        int crossBorder = 0;
        boolean truncated = false;
        for (int hop = 1; hop <= hops && !frontier.isEmpty(); hop++) {
            List<FlowEdge> found = expand(sql, frontier, from, to, agency, hop);
            List<String> next = new ArrayList<>();
            Totals hopTotals = new Totals();
            int hopCrossBorder = 0;
            for (FlowEdge edge : found) {
                FlowNode far = direction == Direction.FORWARD ? edge.to() : edge.from();
                if (reached.putIfAbsent(far.key(), hop) == null) {
                    next.add(far.key());
                }
                hopTotals.add(edge.currency(), edge.amount());
                all.add(edge.currency(), edge.amount());
                byCountry.computeIfAbsent(java.util.Arrays.asList(far.country(), edge.currency()), key -> new Totals())
                        .add(edge.currency(), edge.amount());
                if (edge.crossBorder()) {
                    hopCrossBorder++;
                }
                if (edges.size() < edgeLimit) {
                    edges.add(edge);
                } else {
                    truncated = true;
                }
            }
            crossBorder += hopCrossBorder;
            perHop.add(new HopTotal(hop, found.size(), next.size(), hopCrossBorder, hopTotals.amounts()));
            frontier = next;
        }
        List<CountryAmount> perCountry = new ArrayList<>();
        byCountry.forEach((key, totals) -> {
            Amount amount = totals.amounts().get(0);
            perCountry.add(new CountryAmount(key.get(0), amount.currency(), amount.amount(), amount.transactions()));
        });
        return new Trace(start, direction.name().toLowerCase(java.util.Locale.ROOT), hops, from, to, all.count,
                reached.size() - 1, crossBorder, perHop, all.amounts(), perCountry, edges, truncated);
    }

    private List<FlowEdge> expand(String sql, List<String> frontier, LocalDate from, LocalDate to, String agency, int hop) {
        return jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            Array keys = connection.createArrayOf("text", frontier.toArray());
            statement.setArray(1, keys);
            statement.setDate(2, Date.valueOf(from));
            statement.setDate(3, Date.valueOf(to));
            if (agency != null) {
                statement.setString(4, agency);
                statement.setString(5, agency);
            }
            return statement;
        }, (row, n) -> edge(row, hop));
    }

    /**
     * A report's transactions, page by page in reported order.
     *
     * @throws io.jointops.platform.replay.ViewRebuildingException while the graph is being rebuilt
     */
    public Page<ReportTransaction> transactionsOf(String reportId, int page, int size) {
        replays.requireServing(MoneyFlowProjector.PROCESSING_GROUP);
        Long total = jdbc.queryForObject("SELECT count(*) FROM money_flow_edge WHERE report_id = ?", Long.class, reportId);
        List<ReportTransaction> items = jdbc.query("SELECT " + COLUMNS.replace("e.", "")
                        + " FROM money_flow_edge WHERE report_id = ? ORDER BY tx_index" + Page.rows(page, size),
                (row, n) -> new ReportTransaction(row.getInt("tx_index"), row.getString("tx_number"),
                        row.getObject("tx_date", LocalDate.class), row.getBigDecimal("amount"), row.getString("currency"),
                        row.getString("mode"), side(row, "from"), side(row, "to")),
                reportId);
        return Page.of(items, page, size, total == null ? 0 : total);
    }

    private static FlowEdge edge(ResultSet row, int hop) throws SQLException {
        FlowNode from = side(row, "from");
        FlowNode to = side(row, "to");
        boolean crossBorder = from.country() != null && to.country() != null && !from.country().equals(to.country());
        return new FlowEdge(hop, row.getString("report_id"), row.getString("tx_number"),
                row.getObject("tx_date", LocalDate.class), row.getBigDecimal("amount"), row.getString("currency"),
                from, to, crossBorder);
    }

    private static FlowNode side(ResultSet row, String side) throws SQLException {
        return new FlowNode(row.getString(side + "_key"), row.getString(side + "_name"), row.getString(side + "_country"));
    }

    /** Sums per currency, in currency order. */
    private static final class Totals {
        private final Map<String, BigDecimal> sums = new TreeMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private int count;

        void add(String currency, BigDecimal amount) {
            sums.merge(currency, amount, BigDecimal::add);
            counts.merge(currency, 1, Integer::sum);
            count++;
        }

        List<Amount> amounts() {
            return sums.entrySet().stream()
                    .map(e -> new Amount(e.getKey(), e.getValue(), Objects.requireNonNull(counts.get(e.getKey()))))
                    .toList();
        }
    }
}
