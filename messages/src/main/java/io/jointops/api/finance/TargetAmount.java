package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import java.math.BigDecimal;

/** An amount for the freeze request's target number {@code target} (its index), in that target's currency. */
@NonPersonal
public record TargetAmount(int target, BigDecimal amount, String currency) {
}
