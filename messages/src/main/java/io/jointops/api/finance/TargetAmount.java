package io.jointops.api.finance;

import java.math.BigDecimal;

/** An amount for the freeze request's target number {@code target} (its index), in that target's currency. */
public record TargetAmount(int target, BigDecimal amount, String currency) {
}
