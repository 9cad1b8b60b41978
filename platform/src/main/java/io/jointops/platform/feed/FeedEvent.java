package io.jointops.platform.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.platform.history.HistoryEntry;

import java.time.Instant;

/**
 * One event on the partner feed: the item's history entry as the reader's agency is shown it, and which item it is;
 * or a notice about the item that is no event of it, without {@code sequence}: its personal data erased
 * ({@code PersonalDataErasedEvent}) or rectified ({@code PersonalDataRectifiedEvent}). No global position: the feed is read by agencies (ARCHITECTURE, "No global positions for
 * agencies").
 *
 * @param id         the event's id on the feed, {@code <itemId>/<sequence>}, a notice's
 *                   {@code <itemId>/erased/<event id>} or {@code <itemId>/rectified/<event id>}: the same each time it
 *                   is delivered
 * @param context    the service whose item it is: {@code cases}, {@code intel}, {@code finance} or {@code chemicals}
 * @param itemType   the kind of item, e.g. {@code case}
 * @param recordedAt when the feed recorded the event for the agency: when it happened, or when the item was first
 *                   shown to the agency for events from before; the feed's order across services
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedEvent(String id, String context, String itemType, String itemId, Instant recordedAt, Long sequence,
                        String type, String revision, Instant timestamp, String actor, String actorId, String agency,
                        String correlationId, String clientCorrelationId, String causationId, JsonNode payload) {

    static FeedEvent of(String context, String itemType, String itemId, Instant recordedAt, HistoryEntry entry) {
        return new FeedEvent(itemId + "/" + entry.sequence(), context, itemType, itemId, recordedAt, entry.sequence(),
                entry.type(), entry.revision(), entry.timestamp(), entry.actor(), entry.actorId(), entry.agency(),
                entry.correlationId(), entry.clientCorrelationId(), entry.causationId(), entry.payload());
    }

    /** A notice about the item, as the feed's projector stored it. */
    static FeedEvent notice(String context, String itemType, String itemId, Instant recordedAt, JsonNode notice) {
        return new FeedEvent(itemId + "/" + notice.path("tag").asText() + "/" + notice.path("eventId").asText(), context,
                itemType, itemId, recordedAt,
                null, notice.path("type").asText(), notice.path("revision").asText(),
                Instant.parse(notice.path("timestamp").asText()), null, null, notice.path("agency").asText(), null, null,
                null, notice.path("payload"));
    }
}
