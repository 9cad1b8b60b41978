package io.jointops.api.webhooks;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency deletes one of its webhooks: nothing more is sent to it, deliveries not yet made are cancelled. */
public record DeleteWebhookCommand(@TargetAggregateIdentifier String registryId, @NotBlank String agency,
                                   @NotBlank String webhookId) {
}
