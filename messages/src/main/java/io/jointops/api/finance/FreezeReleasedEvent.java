package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.util.List;

/** @param released the amounts no longer frozen, per target */
@Revision("1")
@NonPersonal
public record FreezeReleasedEvent(String requestId, String agency,
                                  @Personal String reason, List<TargetAmount> released) {
}
