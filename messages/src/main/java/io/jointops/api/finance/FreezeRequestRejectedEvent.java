package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record FreezeRequestRejectedEvent(String requestId, String agency, @Personal String reason) {
}
