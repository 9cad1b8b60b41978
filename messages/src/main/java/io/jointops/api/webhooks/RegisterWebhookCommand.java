package io.jointops.api.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * An agency registers an HTTPS endpoint that is sent each event of its partner feed of the types it names; its
 * agency's webhooks are one aggregate ({@code registryId}, created by its first webhook).
 *
 * @param webhookId a new, random id chosen by the service: the webhook's signing secret is derived from it
 * @param url       the endpoint, {@code https} only
 * @param events    the event types it wants, as the feed names them ({@code WatchlistAlertRaisedEvent}), or {@code *}
 */
public record RegisterWebhookCommand(@TargetAggregateIdentifier String registryId, @NotBlank String agency,
                                     @NotBlank String webhookId, @NotBlank @Size(max = 2_000) String url,
                                     @NotEmpty @Size(max = 100, message = "must name at most {max} event types")
                                     List<String> events) {
}
