package io.jointops.intel.command;

import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.webhooks.DeleteWebhookCommand;
import io.jointops.api.webhooks.RegisterWebhookCommand;
import io.jointops.api.webhooks.WebhookDeletedEvent;
import io.jointops.api.webhooks.WebhookRegisteredEvent;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.webhook.WebhookEventTypes;
import io.jointops.platform.webhook.WebhookTargets;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.jointops.platform.command.CommandChecks.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agency's webhooks: the HTTPS endpoints its partner system registered for the events of the agency's feed. One
 * registry per agency, created by its first webhook; only its agency changes it, and to anyone else its webhooks do
 * not exist. A URL must be one a delivery may reach ({@link WebhookTargets}: https, no private or loopback address),
 * the event types the feed's ({@link WebhookEventTypes}). No secret is kept: each webhook's is derived from the
 * deployment's key and its id, which is why an id is never taken twice.
 */
@Aggregate(cache = AggregateCache.BEAN)
class Webhooks {

    /** The most webhooks an agency has at once: every event of its feed is written once per webhook that wants it. */
    static final int MAX_WEBHOOKS = 10;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @AggregateIdentifier
    private String registryId;
    private String agency;
    private final Set<String> active = new HashSet<>();
    private final Set<String> taken = new HashSet<>();

    Webhooks() {
        // for Axon: rebuilt from events, or created by the first webhook
    }

    /** @param targets where deliveries may go (the service's configuration: loopback only in tests) */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterWebhookCommand command, WebhookTargets targets) {
        if (!Agencies.isValid(command.agency()) || !WebhookRegistries.of(command.agency()).equals(command.registryId())) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "An agency's webhooks are registered by it only.");
        }
        if (command.webhookId() == null || !ID.matcher(command.webhookId()).matches() || taken.contains(command.webhookId())) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "A webhook's id is a new random UUID.");
        }
        String url;
        try {
            url = targets.check(command.url()).toString();
        } catch (WebhookTargets.Refused refused) {
            throw invalid("url", refused.getMessage());
        }
        List<String> events;
        try {
            events = WebhookEventTypes.check(command.events());
        } catch (IllegalArgumentException e) {
            throw invalid("events", e.getMessage());
        }
        if (active.size() >= MAX_WEBHOOKS) {
            throw new CommandRejectedException(Reason.CONFLICT, null,
                    "Your agency has " + MAX_WEBHOOKS + " webhooks, its most: delete one first.");
        }
        apply(new WebhookRegisteredEvent(command.registryId(), command.agency(), command.webhookId(), url, events));
    }

    @CommandHandler
    void handle(DeleteWebhookCommand command) {
        if (!agency.equals(command.agency()) || !active.contains(command.webhookId())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null,
                    "No webhook '" + command.webhookId() + "' is yours.");
        }
        apply(new WebhookDeletedEvent(registryId, agency, command.webhookId()));
    }

    @EventSourcingHandler
    void on(WebhookRegisteredEvent event) {
        registryId = event.registryId();
        agency = event.agency();
        active.add(event.webhookId());
        taken.add(event.webhookId());
    }

    @EventSourcingHandler
    void on(WebhookDeletedEvent event) {
        active.remove(event.webhookId());
    }
}
