package io.jointops.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agencies' webhooks as this service knows them ({@code webhook_subscription}, kept by
 * {@link WebhookSubscriptionProjector} from their events): which of an agency's events to send where. The service that
 * hosts the registrations (intel-service) answers its webhook API from the same table.
 */
public final class WebhookSubscriptions {

    /**
     * A webhook of {@code agency}.
     *
     * @param events the event types it wants ({@link WebhookEventTypes})
     */
    public record Subscription(String id, String agency, String url, List<String> events, Instant registeredAt) {

        public boolean wants(String eventType) {
            return WebhookEventTypes.accepts(events, eventType);
        }
    }

    private static final TypeReference<List<String>> TYPES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public WebhookSubscriptions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Webhook {@code webhookId} if it is {@code agency}'s; another agency's is none. */
    public Optional<Subscription> find(String webhookId, String agency) {
        return find(webhookId).filter(subscription -> subscription.agency().equals(agency));
    }

    /** Webhook {@code webhookId}, whoever's it is: for the deliveries, which are made for its agency. */
    Optional<Subscription> find(String webhookId) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE webhook_id = :id")
                .param("id", webhookId)
                .query(this::subscription)
                .optional();
    }

    /** {@code agency}'s webhooks, oldest first. */
    public List<Subscription> of(String agency) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE agency = :agency ORDER BY registered_at, webhook_id")
                .param("agency", agency)
                .query(this::subscription)
                .list();
    }

    /** The webhooks of the agencies given, by agency: one statement. */
    Map<String, List<Subscription>> of(Collection<String> agencies) {
        Map<String, List<Subscription>> byAgency = new HashMap<>();
        if (agencies.isEmpty()) {
            return byAgency;
        }
        jdbc.sql("SELECT * FROM webhook_subscription WHERE agency IN (:agencies) ORDER BY registered_at, webhook_id")
                .param("agencies", agencies)
                .query(this::subscription)
                .list()
                .forEach(subscription -> byAgency.computeIfAbsent(subscription.agency(), a -> new java.util.ArrayList<>())
                        .add(subscription));
        return byAgency;
    }

    void add(Subscription subscription) {
        try {
            jdbc.sql("""
                            INSERT INTO webhook_subscription (webhook_id, agency, url, event_types, registered_at)
                            VALUES (:id, :agency, :url, CAST(:events AS jsonb), :at)
                            ON CONFLICT (webhook_id) DO NOTHING""")
                    .param("id", subscription.id())
                    .param("agency", subscription.agency())
                    .param("url", subscription.url())
                    .param("events", json.writeValueAsString(subscription.events()))
                    .param("at", OffsetDateTime.ofInstant(subscription.registeredAt(), java.time.ZoneOffset.UTC))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the webhook and its deliveries: nothing more is sent to it, and it has nothing left to list. */
    void remove(String webhookId) {
        jdbc.sql("DELETE FROM webhook_subscription WHERE webhook_id = :id").param("id", webhookId).update();
        jdbc.sql("DELETE FROM webhook_delivery WHERE webhook_id = :id").param("id", webhookId).update();
    }

    private Subscription subscription(ResultSet row, int n) throws SQLException {
        try {
            return new Subscription(row.getString("webhook_id"), row.getString("agency"), row.getString("url"),
                    json.readValue(row.getString("event_types"), TYPES),
                    row.getObject("registered_at", OffsetDateTime.class).toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("webhook " + row.getString("webhook_id") + " has unreadable event types", e);
        }
    }
}
