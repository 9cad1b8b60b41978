package io.jointops.identifiers;

/**
 * One key an identifier is found by, and the rule that produced it.
 *
 * @param rule  the rule that produced the key
 * @param value the key's text, compared with other keys of the same space ({@link #indexKey()})
 */
public record MatchKey(MatchRule rule, String value) {

    /**
     * What to store and look up: two keys can match only if their index keys are equal, and then they match by
     * {@link MatchRule#combine}({@code rule}, other's {@code rule}). E.g. {@code latin:zhangwei}.
     */
    public String indexKey() {
        return rule.space() + ":" + value;
    }
}
