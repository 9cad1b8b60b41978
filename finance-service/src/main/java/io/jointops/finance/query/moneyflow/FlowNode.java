package io.jointops.finance.query.moneyflow;

/**
 * A node of the money-flow graph on one side of a transaction.
 *
 * @param key     the resolved node: {@code IBAN:<iban>}, {@code ACCT:<country>:<bank>:<number>} or
 *                {@code WALLET:<chain>:<address>}
 * @param name    the party's name as this transaction's report gives it
 * @param country ISO 3166-1 alpha-2 of an account; {@code null} for a wallet
 */
public record FlowNode(String key, String name, String country) {
}
