package io.jointops.api.webhooks;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A webhook of {@code agency}: every service sends it the events of that agency's partner feed of the types named in
 * {@code events} (or all of them, {@code *}). No secret: its signing secret is derived from the deployment's key
 * and {@code webhookId} where a delivery is signed.
 *
 * @param url    the endpoint, {@code https}; an agency's system's address, not a person's
 * @param events event types as the feed names them, or {@code *}
 */
@Revision("1")
@NonPersonal
public record WebhookRegisteredEvent(String registryId, String agency, String webhookId, @NonPersonal String url,
                                     List<String> events) {

    public WebhookRegisteredEvent {
        events = List.copyOf(events);
    }
}
