package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record FreezeRequestAcknowledgedEvent(String requestId, String agency) {
}
