package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FreezeRequestAcknowledgedEvent(String requestId, String agency) {
}
