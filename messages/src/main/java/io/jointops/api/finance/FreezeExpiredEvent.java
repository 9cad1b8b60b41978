package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The freeze lapsed at {@code expiresAt} without extension; its amounts are free again. */
@Revision("1")
@NonPersonal
public record FreezeExpiredEvent(String requestId, Instant expiresAt, List<TargetAmount> released) {
}
