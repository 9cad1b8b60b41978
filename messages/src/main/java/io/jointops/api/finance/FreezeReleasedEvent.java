package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

import java.util.List;

/** @param released the amounts no longer frozen, per target */
@Revision("1")
public record FreezeReleasedEvent(String requestId, String agency, String reason, List<TargetAmount> released) {
}
