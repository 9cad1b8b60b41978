package io.jointops.finance.query.moneyflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * "Follow the money" from one node: the flows up to {@code hops} hops away in {@code direction}, within the dates,
 * over the reports the caller may see. An edge is at hop n if its near side was first reached at hop n-1; each edge
 * appears once. Totals are per currency (amounts of different currencies are never added).
 *
 * @param perCountry     per country of the far side (the receiving account going forward, the sending one
 *                       backward; {@code null} for wallets) and currency
 * @param edges          at most {@code edgeLimit} edges, by hop, date and report; totals count all of them
 * @param edgesTruncated whether more edges than listed were found
 */
public record Trace(String start, String direction, int hops, LocalDate from, LocalDate to,
                    int transactions, int nodesReached, int crossBorderEdges,
                    List<HopTotal> perHop, List<Amount> perCurrency, List<CountryAmount> perCountry,
                    List<FlowEdge> edges, boolean edgesTruncated) {

    public record Amount(String currency, BigDecimal amount, int transactions) {
    }

    public record HopTotal(int hop, int transactions, int nodesReached, int crossBorderEdges, List<Amount> amounts) {
    }

    public record CountryAmount(String country, String currency, BigDecimal amount, int transactions) {
    }

    /** @param crossBorder both sides are accounts, in different countries */
    public record FlowEdge(int hop, String reportId, String transactionNumber, LocalDate date, BigDecimal amount,
                           String currency, FlowNode from, FlowNode to, boolean crossBorder) {
    }
}
