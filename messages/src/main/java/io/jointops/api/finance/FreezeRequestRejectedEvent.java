package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FreezeRequestRejectedEvent(String requestId, String agency, String reason) {
}
