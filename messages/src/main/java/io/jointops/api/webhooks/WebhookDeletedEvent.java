package io.jointops.api.webhooks;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/** A webhook of {@code agency} is deleted: nothing more is sent to it. */
@Revision("1")
@NonPersonal
public record WebhookDeletedEvent(String registryId, String agency, String webhookId) {
}
