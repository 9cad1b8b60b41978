package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The receiving agency freezes amounts on the request's targets: all sought (full) or less (partial).
 *
 * @param amounts the amount frozen per target index; a target left out is not frozen
 */
public record GrantFreezeCommand(@TargetAggregateIdentifier String requestId, @Nullable String agency,
                                 Map<Integer, BigDecimal> amounts, Long expectedVersion) {
}
