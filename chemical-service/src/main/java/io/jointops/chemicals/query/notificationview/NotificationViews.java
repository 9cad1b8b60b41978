package io.jointops.chemicals.query.notificationview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.chemicals.Party;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.ViewTable;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads the notification view, always for one agency: a notification the agency may not see is reported as missing. */
@Component
public class NotificationViews implements ItemViews<NotificationView> {

    private static final ViewTable TABLE = new ViewTable("notification_view", "notification_id",
            "exporting_agency = :agency OR importing_agency = :agency", "filed_at DESC, notification_id");
    private static final ViewTable ESCALATED = new ViewTable(
            "(SELECT * FROM notification_view WHERE status = 'NO_REPLY') escalated", "notification_id",
            "exporting_agency = :agency OR importing_agency = :agency", "escalated_at DESC, notification_id");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    NotificationViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /**
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    public Optional<NotificationView> find(String notificationId, String agency) {
        replays.requireServing(NotificationViewProjector.PROCESSING_GROUP);
        return read(notificationId).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt */
    public Page<NotificationView> visibleTo(String agency, int page, int size) {
        replays.requireServing(NotificationViewProjector.PROCESSING_GROUP);
        return TABLE.page(jdbc, agency, page, size, this::row);
    }

    /**
     * The pre-export notification as it was at {@code asOf}, rebuilt from its events stored until then (not from the table);
     * empty if it did not exist yet or {@code agency} could not see it then.
     *
     * @param agency the caller's agency; {@code null} means unrestricted (joint auditors)
     */
    public Optional<NotificationView> asOf(String notificationId, Instant asOf, String agency) {
        return NotificationViewFold.fold(events.until(notificationId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    /**
     * The notifications escalated after a "no reply" that {@code agency} takes part in, newest first: the follow-up
     * list of both sides' supervisors.
     */
    public Page<NotificationView> escalatedTo(String agency, int page, int size) {
        replays.requireServing(NotificationViewProjector.PROCESSING_GROUP);
        return ESCALATED.page(jdbc, agency, page, size, this::row);
    }

    /** How many notifications for the importer (normalised name) that {@code agency} sees ended "no reply". */
    public long unansweredFor(String importerKey, String agency) {
        replays.requireServing(NotificationViewProjector.PROCESSING_GROUP);
        return jdbc.sql("SELECT count(*) FROM notification_view WHERE status = 'NO_REPLY' AND importer_key = :key"
                        + (agency == null ? "" : " AND (exporting_agency = :agency OR importing_agency = :agency)"))
                .param("key", importerKey)
                .params(agency == null ? java.util.Map.of() : java.util.Map.of("agency", agency))
                .query(Long.class).single();
    }

    /** The stored record, even while the view is rebuilt (its projector reads it). */
    Optional<NotificationView> read(String notificationId) {
        return TABLE.find(jdbc, notificationId, this::row);
    }

    /**
     * Waits until the view has caught up with {@code version} of the notification, so that a client reading right
     * after writing sees its write. Returns the view, or empty if it did not catch up within {@code timeout}.
     */
    public Optional<NotificationView> awaitVersion(String notificationId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(notificationId, version, () -> read(notificationId), view -> view.version(), timeout);
    }

    private NotificationView row(ResultSet row, int rowNumber) throws SQLException {
        return new NotificationView(
                row.getString("notification_id"),
                row.getString("exporting_agency"),
                row.getString("importing_agency"),
                party(row, "exporter"),
                party(row, "importer"),
                party(row, "consignee"),
                row.getString("substance_name"),
                row.getString("cas_number"),
                quantity(row.getBigDecimal("quantity")),
                row.getString("unit"),
                row.getObject("expected_dispatch_date", LocalDate.class),
                row.getString("point_of_entry"),
                row.getString("export_licence_number"),
                row.getString("tlp"),
                row.getString("handling_code"),
                row.getLong("version"),
                instant(row, "filed_at"),
                row.getString("filed_by"),
                instant(row, "updated_at"),
                row.getString("status"),
                row.getBigDecimal("mixture_percentage") == null ? null : percentage(row.getBigDecimal("mixture_percentage")),
                row.getString("transport_mode"),
                strings(row.getString("route")),
                nullableInstant(row, "response_due_by"),
                nullableInstant(row, "acknowledged_at"),
                nullableInstant(row, "answered_at"),
                row.getString("objection_reason"),
                row.getString("escalated_to") == null ? null : strings(row.getString("escalated_to")),
                nullableInstant(row, "escalated_at"));
    }

    /** NUMERIC(5, 2) pads to two decimals: give the percentage back as stated. */
    static BigDecimal percentage(BigDecimal stored) {
        BigDecimal plain = stored.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private List<String> strings(String array) throws SQLException {
        try {
            return List.of(json.readValue(array, String[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("not a JSON array of strings", e);
        }
    }

    private static Instant nullableInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * NUMERIC(15, 3) keeps three decimals (rounding half away from zero) and pads to three: give the quantity back
     * without the padding, and never as 1E+3.
     */
    static BigDecimal quantity(BigDecimal stored) {
        BigDecimal plain = stored.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private Party party(ResultSet row, String column) throws SQLException {
        try {
            return json.readValue(row.getString(column), Party.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + column + " does not hold a party", e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
