package io.jointops.identifiers;

/** How much a match says: shown beside every match, so a weak one is never taken for an exact one. */
public enum MatchStrength {
    /** The same text, as written (after Unicode NFKC and whitespace). */
    EXACT,
    /** The same identifier written differently, by its format's own rules (case, punctuation, E.164, IBAN spacing). */
    EQUIVALENT,
    /**
     * Spellings that may name different things: accents and tone marks dropped, name order, pinyin (many Chinese
     * names share one pinyin spelling). A lead to check, not an identification.
     */
    SIMILAR
}
