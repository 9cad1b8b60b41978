package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * @param frozen     the amounts frozen, per target, in each target's currency (targets not frozen are absent)
 * @param partial    less than sought on some target
 * @param expiresAt  when the measure lapses unless extended, by the receiving country's rule
 * @param expiryRule the rule applied, as configured (e.g. {@code 5 working days})
 */
@Revision("1")
@NonPersonal
public record FreezeGrantedEvent(String requestId, List<TargetAmount> frozen, boolean partial, Instant expiresAt,
                                 String expiryRule) {
}
