package io.jointops.platform.webhook;

import io.jointops.platform.feed.FeedListener;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ItemEvent;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the partner feed delivers to an agency, handed to that agency's webhooks: told by the feed's processor of the
 * events a batch put on agencies' feeds (so exactly the events of items the item's context releases to the agency,
 * nothing decided twice), it writes one delivery per event and webhook of the agency that wants its type, in the
 * feed's transaction: committed with the feed's rows or not at all, before any attempt to send it. A batch costs one
 * read of the agencies' webhooks, and for agencies that have some, one statement for the deliveries. The dispatcher
 * is woken once the transaction has committed.
 */
final class WebhookDeliveries implements FeedListener {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveryTable deliveries;
    private final EventHistory history;
    private final Runnable committed;

    /** @param committed what to do once deliveries have been committed: wake the dispatcher */
    WebhookDeliveries(WebhookSubscriptions subscriptions, WebhookDeliveryTable deliveries, EventHistory history,
                      Runnable committed) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.history = history;
        this.committed = committed;
    }

    @Override
    public void delivered(List<Delivery> delivered) {
        Set<String> agencies = new LinkedHashSet<>();
        delivered.forEach(delivery -> agencies.add(delivery.agency()));
        Map<String, List<WebhookSubscriptions.Subscription>> webhooks = subscriptions.of(agencies);
        if (webhooks.isEmpty()) {
            return;
        }
        List<Delivery> wanted = delivered.stream().filter(delivery -> webhooks.containsKey(delivery.agency())).toList();
        Map<String, Map<Long, String>> earlierTypes = earlierTypes(wanted);
        List<WebhookDeliveryTable.New> rows = new ArrayList<>();
        for (Delivery delivery : wanted) {
            String type = delivery.eventType() != null ? delivery.eventType()
                    : earlierTypes.getOrDefault(delivery.itemId(), Map.of()).get(delivery.sequence());
            for (WebhookSubscriptions.Subscription webhook : webhooks.get(delivery.agency())) {
                if (type == null ? webhook.events().contains(WebhookEventTypes.ALL) : webhook.wants(type)) {
                    rows.add(new WebhookDeliveryTable.New(webhook.id(), delivery.agency(), delivery.kind().itemType(),
                            delivery.itemId(), delivery.sequence(), type));
                }
            }
        }
        if (deliveries.add(rows) > 0) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.run();
                    }
                });
            } else {
                committed.run();
            }
        }
    }

    /**
     * The types of the earlier events an agency gets when an item first reaches it (the feed says which events, not
     * their types: they are not in its batch), read from the item's stream once per item, and only for agencies with
     * webhooks.
     */
    private Map<String, Map<Long, String>> earlierTypes(List<Delivery> wanted) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (Delivery delivery : wanted) {
            if (delivery.eventType() == null) {
                ranges.merge(delivery.itemId(), new long[]{delivery.sequence(), delivery.sequence()},
                        (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        Map<String, Map<Long, String>> types = new HashMap<>();
        ranges.forEach((itemId, range) -> {
            Map<Long, String> bySequence = new HashMap<>();
            for (ItemEvent event : history.events(itemId, range[0], (int) (range[1] - range[0] + 1))) {
                bySequence.put(event.sequence(), typeName(event.payload()));
            }
            types.put(itemId, bySequence);
        });
        return types;
    }

    /** The event's name as the feed gives it ({@code EventHistory}: the simple name of the type read today). */
    private static String typeName(Object payload) {
        String name = payload instanceof UnknownSerializedType unknown ? unknown.serializedType().getName()
                : payload.getClass().getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }
}
