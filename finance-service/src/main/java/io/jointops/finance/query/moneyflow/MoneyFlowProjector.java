package io.jointops.finance.query.moneyflow;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.finance.WalletRef;
import io.jointops.finance.command.MoneyNodes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the money-flow graph ({@code money_flow_report}, {@code money_flow_edge}): each reported transaction becomes
 * an edge between the resolved nodes of its two sides. Idempotent, so a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(MoneyFlowProjector.PROCESSING_GROUP)
class MoneyFlowProjector {

    static final String PROCESSING_GROUP = "money-flow-graph";
    private static final Logger log = LoggerFactory.getLogger(MoneyFlowProjector.class);

    private final JdbcTemplate jdbc;

    MoneyFlowProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE money_flow_edge, money_flow_report");
    }

    @EventHandler
    void on(SuspiciousTransactionReportFiledEvent event) {
        jdbc.update("""
                        INSERT INTO money_flow_report (report_id, owner_agency, released_to)
                        VALUES (?, ?, string_to_array(?, ',')) ON CONFLICT (report_id) DO NOTHING""",
                event.reportId(), event.ownerAgency(), String.join(",", event.releasedTo()));
    }

    @EventHandler
    void on(TransactionReportReleaseWidenedEvent event) {
        jdbc.update("""
                        UPDATE money_flow_report SET released_to = array_append(released_to, CAST(? AS text))
                         WHERE report_id = ? AND NOT (CAST(? AS text) = ANY(released_to))""",
                event.agency(), event.reportId(), event.agency());
    }

    @EventHandler
    void on(TransactionsReportedEvent event) {
        List<ReportedTransaction> batch = event.transactions();
        jdbc.batchUpdate("""
                        INSERT INTO money_flow_edge (report_id, tx_index, tx_number, tx_date, amount, currency, mode,
                                                     from_key, from_name, from_country, to_key, to_name, to_country)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id, tx_index) DO NOTHING""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                    ReportedTransaction transaction = batch.get(i);
                    int index = event.firstIndex() + i;
                    statement.setString(1, event.reportId());
                    statement.setInt(2, index);
                    statement.setString(3, transaction.number());
                    statement.setDate(4, Date.valueOf(transaction.date()));
                    statement.setBigDecimal(5, transaction.amount());
                    statement.setString(6, transaction.currency());
                    statement.setString(7, transaction.mode());
                    statement.setString(8, node(transaction.fromAccount(), transaction.fromWallet()));
                    statement.setString(9, transaction.fromName());
                    statement.setString(10, country(transaction.fromAccount()));
                    statement.setString(11, node(transaction.toAccount(), transaction.toWallet()));
                    statement.setString(12, transaction.toName());
                    statement.setString(13, country(transaction.toAccount()));
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                });
        if (event.firstIndex() > 0 && event.firstIndex() % 5000 == 0) {
            log.atInfo().addKeyValue("report.id", event.reportId()).addKeyValue("graph.edges", event.firstIndex())
                    .log("Money-flow graph: {} transactions of report {} projected", event.firstIndex(), event.reportId());
        }
    }

    static String node(AccountRef account, WalletRef wallet) {
        return account != null ? MoneyNodes.account(account) : MoneyNodes.wallet(wallet);
    }

    static String country(AccountRef account) {
        return account == null ? null : MoneyNodes.country(account);
    }
}
