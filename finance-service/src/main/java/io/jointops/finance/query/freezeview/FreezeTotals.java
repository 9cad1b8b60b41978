package io.jointops.finance.query.freezeview;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts of the freeze requests an agency may see, per currency (never added across currencies): requested (sought),
 * frozen (granted, including what was later released), released (released or lapsed), and still frozen.
 */
public record FreezeTotals(List<PerCase> perCase, List<PerCountryPair> perCountryPair) {

    public record Amounts(String currency, BigDecimal requested, BigDecimal frozen, BigDecimal released,
                          BigDecimal stillFrozen, long requests) {
    }

    /** @param caseId {@code null} for requests linked to no case */
    public record PerCase(String caseId, Amounts amounts) {
    }

    public record PerCountryPair(String requestingCountry, String receivingCountry, Amounts amounts) {
    }
}
