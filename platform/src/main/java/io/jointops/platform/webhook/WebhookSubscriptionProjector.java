package io.jointops.platform.webhook;

import io.jointops.api.webhooks.WebhookDeletedEvent;
import io.jointops.api.webhooks.WebhookRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Keeps this service's copy of the agencies' webhooks ({@link WebhookSubscriptions}) from their events, which
 * intel-service, where they are registered, publishes: so each service knows whom to send its part of an agency's
 * feed without asking another service. A webhook's deliveries start with the feed's rows this service writes after
 * it learned of it (within a second or so of the registration).
 */
@ProcessingGroup(WebhookSubscriptionProjector.PROCESSING_GROUP)
class WebhookSubscriptionProjector {

    static final String PROCESSING_GROUP = "webhook-subscriptions";

    private final WebhookSubscriptions subscriptions;

    WebhookSubscriptionProjector(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @EventHandler
    void on(WebhookRegisteredEvent event, @Timestamp Instant at) {
        subscriptions.add(new WebhookSubscriptions.Subscription(event.webhookId(), event.agency(), event.url(),
                event.events(), at));
    }

    @EventHandler
    void on(WebhookDeletedEvent event) {
        subscriptions.remove(event.webhookId());
    }
}
