package io.jointops.api.finance;

/** What is asked: a financial intelligence unit's short postponement of transactions, or an asset freeze. */
public enum FreezeMeasure {
    POSTPONEMENT, FREEZE
}
