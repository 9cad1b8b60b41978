package io.jointops.finance.query.assetview;

import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.ViewTable;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the asset view, always for one agency: an asset the agency may not see is reported as missing. */
@Component
public class Assets implements ItemViews<AssetView> {

    private static final String VISIBLE = "owner_agency = :agency OR :agency = ANY(released_to)";
    private static final ViewTable TABLE = new ViewTable("asset_view", "asset_id", VISIBLE, "recorded_at DESC, asset_id");

    private final JdbcClient jdbc;
    private final ItemEvents events;
    private final ViewReplays replays;

    Assets(JdbcClient jdbc, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<AssetView> find(String assetId, String agency) {
        replays.requireServing(AssetViewProjector.PROCESSING_GROUP);
        return read(assetId).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Page<AssetView> visibleTo(String agency, int page, int size) {
        replays.requireServing(AssetViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row);
    }

    /** A case's visible assets, all of them (a case has tens, not thousands). */
    public List<AssetView> ofCase(String caseId, String agency) {
        replays.requireServing(AssetViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT * FROM asset_view WHERE case_id = :case" + (agency == null ? "" : " AND (" + VISIBLE + ")")
                        + " ORDER BY category, recorded_at, asset_id")
                .param("case", caseId).params(agency == null ? java.util.Map.of() : java.util.Map.of("agency", agency))
                .query(this::row).list();
    }

    /** Estimated values of a case's visible assets per category and currency (never added across currencies). */
    public List<AssetTotal> totals(String caseId, String agency) {
        replays.requireServing(AssetViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT case_id, category, currency, sum(estimated_value) AS total, count(*) AS assets"
                        + " FROM asset_view WHERE case_id = :case" + (agency == null ? "" : " AND (" + VISIBLE + ")")
                        + " GROUP BY case_id, category, currency ORDER BY category, currency")
                .param("case", caseId).params(agency == null ? java.util.Map.of() : java.util.Map.of("agency", agency))
                .query((row, n) -> new AssetTotal(row.getString("case_id"), row.getString("category"),
                        row.getString("currency"), row.getBigDecimal("total"), row.getLong("assets")))
                .list();
    }

    public Optional<AssetView> asOf(String assetId, Instant asOf, String agency) {
        return AssetViewFold.fold(events.until(assetId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Optional<AssetView> awaitVersion(String assetId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(assetId, version, () -> read(assetId), view -> view.version(), timeout);
    }

    /** The stored record, even while the view is rebuilt (its projector reads it). */
    Optional<AssetView> read(String assetId) {
        return TABLE.find(jdbc, assetId, this::row);
    }

    private AssetView row(ResultSet row, int n) throws SQLException {
        return new AssetView(row.getString("asset_id"), row.getString("case_id"), row.getString("category"),
                row.getString("description"), row.getString("identifier"), row.getString("country"),
                row.getBigDecimal("estimated_value"), row.getString("currency"), row.getString("owner_agency"),
                Arrays.stream((String[]) row.getArray("released_to").getArray()).sorted().toList(),
                row.getString("tlp"), row.getString("handling_code"), row.getLong("version"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("recorded_by"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
