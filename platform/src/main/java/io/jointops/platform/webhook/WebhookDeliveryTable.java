package io.jointops.platform.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The service's webhook deliveries ({@code webhook_delivery}, {@code db/processing/R__webhooks.sql}): written in the
 * feed's transaction, claimed by the dispatcher when due (a lease, so an attempt that dies with its process is made
 * again once the lease runs out), and listed for the webhook's agency. Times are the database's, so replicas whose
 * clocks differ agree on what is due.
 */
final class WebhookDeliveryTable {

    enum Status { PENDING, RETRYING, DELIVERED, DEAD, SKIPPED }

    /** A delivery to make: event {@code sequence} of item {@code itemId} to webhook {@code webhookId}. */
    record New(String webhookId, String agency, String itemType, String itemId, long sequence, String eventType) {

        /** The same for each time the feed delivers the event to the webhook, so a batch written again adds nothing. */
        String id(String context) {
            return UUID.nameUUIDFromBytes(String.join("|", webhookId, context, itemId, Long.toString(sequence))
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    /** A delivery the dispatcher claimed; {@code attempts} made before this one. */
    record Due(String id, String webhookId, String agency, String itemType, String itemId, long sequence,
               int attempts) {
    }

    /** A delivery as its webhook's agency is shown it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listed(String id, String webhookId, String context, String eventId, String itemType, String itemId,
                  long sequence, String type, String status, int attempts, Instant createdAt, Instant lastAttemptAt,
                  Integer lastStatus, String lastError, Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String context;

    WebhookDeliveryTable(JdbcClient jdbc, ObjectMapper json, String context) {
        this.jdbc = jdbc;
        this.json = json;
        this.context = context;
    }

    /** Writes the deliveries in one statement, due now; one already there is left as it is. Answers how many were new. */
    int add(List<New> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        ArrayNode rows = json.createArrayNode();
        for (New delivery : deliveries) {
            rows.addObject().put("id", delivery.id(context)).put("webhook", delivery.webhookId())
                    .put("agency", delivery.agency()).put("kind", delivery.itemType()).put("item", delivery.itemId())
                    .put("sequence", delivery.sequence()).put("type", delivery.eventType());
        }
        return jdbc.sql("""
                        INSERT INTO webhook_delivery (delivery_id, webhook_id, agency, item_kind, item_id, sequence,
                                                      event_type, status, attempts, created_at, next_attempt_at)
                        SELECT r->>'id', r->>'webhook', r->>'agency', r->>'kind', r->>'item', (r->>'sequence')::bigint,
                               r->>'type', 'PENDING', 0, now(), now()
                          FROM jsonb_array_elements(CAST(:rows AS jsonb)) r
                        ON CONFLICT (delivery_id) DO NOTHING""")
                .param("rows", rows.toString())
                .update();
    }

    /** Up to {@code limit} due deliveries, each leased for {@code lease}: no other dispatcher takes it meanwhile. */
    List<Due> claim(int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET claimed_until = now() + make_interval(secs => :lease)
                         WHERE d.delivery_id IN (
                               SELECT delivery_id FROM webhook_delivery
                                WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
                                  AND (claimed_until IS NULL OR claimed_until <= now())
                                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING d.delivery_id, d.webhook_id, d.agency, d.item_kind, d.item_id, d.sequence, d.attempts""")
                .param("lease", (double) lease.toMillis() / 1000)
                .param("limit", limit)
                .query((row, n) -> new Due(row.getString("delivery_id"), row.getString("webhook_id"),
                        row.getString("agency"), row.getString("item_kind"), row.getString("item_id"),
                        row.getLong("sequence"), row.getInt("attempts")))
                .list();
    }

    /** How long until the next delivery is due (zero if one is), or empty if none is waiting. */
    Optional<Duration> untilNextDue() {
        return jdbc.sql("""
                        SELECT (EXTRACT(EPOCH FROM min(GREATEST(next_attempt_at, COALESCE(claimed_until,
                               next_attempt_at))) - now()) * 1000)::bigint AS millis
                          FROM webhook_delivery WHERE status IN ('PENDING', 'RETRYING')""")
                // min() of no row is NULL: nothing waits. (GREATEST(0, NULL) would be 0 in PostgreSQL, which ignores
                // NULLs there: "due now" for an empty table, and the dispatcher looked again at once, without end.)
                .query((row, n) -> {
                    long millis = row.getLong("millis");
                    return row.wasNull() ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(Math.max(0, millis)));
                })
                .single();
    }

    /** The attempt succeeded: the receiver answered {@code status} (2xx). */
    void delivered(String id, int status) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
                               delivered_at = now(), last_status = :code, last_error = NULL, next_attempt_at = NULL,
                               claimed_until = NULL
                         WHERE delivery_id = :id""")
                .param("id", id).param("code", status).update();
    }

    /**
     * The attempt failed ({@code status}: the receiver's answer, or null if there was none); tried again after
     * {@code retryAfter}, or dead-lettered if that is empty.
     */
    void failed(String id, Integer status, String error, Optional<Duration> retryAfter) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = :next, attempts = attempts + 1, last_attempt_at = now(),
                               last_status = :code, last_error = :error, claimed_until = NULL,
                               next_attempt_at = CASE WHEN :next = 'RETRYING'
                                                      THEN now() + make_interval(secs => :delay) END
                         WHERE delivery_id = :id""")
                .param("id", id)
                .param("next", retryAfter.isPresent() ? Status.RETRYING.name() : Status.DEAD.name())
                .param("code", status)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("delay", retryAfter.map(delay -> (double) delay.toMillis() / 1000).orElse(0d))
                .update();
    }

    /** Not sent: the event is not shown to the agency now ({@code why}). */
    void skipped(String id, String why) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'SKIPPED', last_error = :why, next_attempt_at = NULL,
                               claimed_until = NULL
                         WHERE delivery_id = :id""")
                .param("id", id).param("why", why).update();
    }

    /** A webhook's deliveries, newest first, at most {@code limit}; of one status if {@code status} is given. */
    List<Listed> of(String webhookId, Status status, int limit) {
        return jdbc.sql("""
                        SELECT * FROM webhook_delivery WHERE webhook_id = :id AND (CAST(:status AS VARCHAR) IS NULL
                                                                                   OR status = :status)
                         ORDER BY created_at DESC, delivery_id LIMIT :limit""")
                .param("id", webhookId)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::listed)
                .list();
    }

    /** Forgets deliveries that are over (delivered, dead or skipped) for longer than {@code keep}. */
    int forgetOlderThan(Duration keep) {
        return jdbc.sql("""
                        DELETE FROM webhook_delivery WHERE status IN ('DELIVERED', 'DEAD', 'SKIPPED')
                           AND created_at < now() - make_interval(secs => :keep)""")
                .param("keep", (double) keep.toSeconds())
                .update();
    }

    private Listed listed(ResultSet row, int n) throws SQLException {
        int lastStatus = row.getInt("last_status");
        Integer code = row.wasNull() ? null : lastStatus;
        return new Listed(row.getString("delivery_id"), row.getString("webhook_id"), context,
                row.getString("item_id") + "/" + row.getLong("sequence"), row.getString("item_kind"),
                row.getString("item_id"), row.getLong("sequence"), row.getString("event_type"), row.getString("status"),
                row.getInt("attempts"), instant(row, "created_at"), instant(row, "last_attempt_at"), code,
                row.getString("last_error"), instant(row, "next_attempt_at"), instant(row, "delivered_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
