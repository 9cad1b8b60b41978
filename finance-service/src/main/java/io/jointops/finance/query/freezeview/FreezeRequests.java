package io.jointops.finance.query.freezeview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.finance.query.freezeview.FreezeTotals.Amounts;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.ViewTable;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the freeze request view for one agency: only the requesting and the receiving agency (and auditors) see one. */
@Component
public class FreezeRequests implements ItemViews<FreezeRequestView> {

    private static final String VISIBLE = "requesting_agency = :agency OR receiving_agency = :agency";
    private static final ViewTable TABLE = new ViewTable("freeze_request_view", "request_id", VISIBLE,
            "requested_at DESC, request_id");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    FreezeRequests(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<FreezeRequestView> find(String requestId, String agency) {
        replays.requireServing(FreezeRequestViewProjector.PROCESSING_GROUP);
        return read(requestId).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Page<FreezeRequestView> visibleTo(String agency, int page, int size) {
        replays.requireServing(FreezeRequestViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row);
    }

    public Optional<FreezeRequestView> asOf(String requestId, Instant asOf, String agency) {
        return FreezeRequestViewFold.fold(events.until(requestId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Optional<FreezeRequestView> awaitVersion(String requestId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(requestId, version, () -> read(requestId), view -> view.version(), timeout);
    }

    /**
     * Requested, frozen and released amounts of the requests {@code agency} may see, per case and per country pair,
     * each per currency.
     *
     * @param caseId only this case's requests, or all with {@code null}
     */
    public FreezeTotals totals(String agency, String caseId) {
        replays.requireServing(FreezeRequestViewProjector.PROCESSING_GROUP);
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (agency != null) {
            where.append(" AND (").append(VISIBLE).append(")");
            params.put("agency", agency);
        }
        if (caseId != null) {
            where.append(" AND case_id = :case");
            params.put("case", caseId);
        }
        String sums = "currency, sum(sought) AS requested, sum(frozen) AS frozen, sum(released) AS released,"
                + " count(DISTINCT request_id) AS requests FROM freeze_request_amount" + where;
        List<FreezeTotals.PerCase> perCase = jdbc.sql("SELECT case_id, " + sums
                        + " GROUP BY case_id, currency ORDER BY case_id NULLS LAST, currency")
                .params(params).query((row, n) -> new FreezeTotals.PerCase(row.getString("case_id"), amounts(row))).list();
        List<FreezeTotals.PerCountryPair> perPair = jdbc.sql("SELECT requesting_country, receiving_country, " + sums
                        + " GROUP BY requesting_country, receiving_country, currency"
                        + " ORDER BY requesting_country, receiving_country, currency")
                .params(params).query((row, n) -> new FreezeTotals.PerCountryPair(row.getString("requesting_country"),
                        row.getString("receiving_country"), amounts(row))).list();
        return new FreezeTotals(perCase, perPair);
    }

    private static Amounts amounts(ResultSet row) throws SQLException {
        return new Amounts(row.getString("currency"), row.getBigDecimal("requested"), row.getBigDecimal("frozen"),
                row.getBigDecimal("released"), row.getBigDecimal("frozen").subtract(row.getBigDecimal("released")),
                row.getLong("requests"));
    }

    /** The stored record, even while the view is rebuilt (its projector reads it). */
    Optional<FreezeRequestView> read(String requestId) {
        return TABLE.find(jdbc, requestId, this::row);
    }

    private FreezeRequestView row(ResultSet row, int n) throws SQLException {
        try {
            return json.readValue(row.getString("document"), FreezeRequestView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
