package io.jointops.intel.query.notifications;

import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntityHiddenHitEvent;
import io.jointops.intel.query.readlog.PublishedEvents;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.security.Caller;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Tells owners of hidden hits who searched (as events), and lists what their agency was told. */
@Component
public class Notifications {

    private final EventGateway events;
    private final JdbcClient jdbc;
    private final ViewReplays replays;

    Notifications(EventGateway events, JdbcClient jdbc, ViewReplays replays) {
        this.events = events;
        this.jdbc = jdbc;
        this.replays = replays;
    }

    public void hiddenHit(String reportId, String ownerAgency, Caller searcher, EntityType type, String normalised) {
        events.publish(GenericEventMessage.asEventMessage(new IntelEntityHiddenHitEvent(reportId, ownerAgency,
                searcher.agency(), searcher.username(), type, normalised)).andMetaData(PublishedEvents.metaData(searcher)));
    }

    /** @param agency the owner agency; {@code null} (auditors) lists every agency's */
    public Page<Notification> of(String agency, int page, int size) {
        replays.requireServing(NotificationProjector.PROCESSING_GROUP);
        String where = agency == null ? "" : " WHERE owner_agency = :agency";
        var count = jdbc.sql("SELECT count(*) FROM intel_notification" + where);
        var select = jdbc.sql("SELECT * FROM intel_notification" + where
                + " ORDER BY noted_at DESC, event_id LIMIT :size OFFSET :offset");
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<Notification> items = select.param("size", size).param("offset", (long) page * size)
                .query((row, n) -> new Notification(row.getString("event_id"), row.getString("owner_agency"),
                        row.getString("report_id"), row.getString("searching_agency"), row.getString("searcher"),
                        row.getString("entity_type"), row.getString("normalised"),
                        row.getObject("noted_at", OffsetDateTime.class).toInstant()))
                .list();
        return Page.of(items, page, size, total);
    }

    /** Someone of {@code searchingAgency} searched for an entity that the owner's report {@code reportId} names. */
    public record Notification(String id, String ownerAgency, String reportId, String searchingAgency,
                               String searcher, String entityType, String normalised, Instant at) {
    }
}
