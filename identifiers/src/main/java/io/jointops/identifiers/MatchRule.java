package io.jointops.identifiers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rule by which two identifiers match, strongest first: of several rules that match, a match names the first.
 * {@link #id()} is the name shown in answers, notices and stored keys; it never changes once stored.
 */
public enum MatchRule {
    /** The same text after Unicode NFKC, surrounding whitespace trimmed and inner runs collapsed. */
    EXACT("exact", MatchStrength.EXACT, "exact"),
    /** The kind's canonical text: case-folded, punctuation removed (names); lower-cased (e-mail, URL host, ...). */
    CASE_AND_PUNCTUATION("case-and-punctuation", MatchStrength.EQUIVALENT, "folded"),
    /** The same phone number in E.164 (libphonenumber). */
    E164("e164", MatchStrength.EQUIVALENT, "e164"),
    /** The same IBAN, without spaces, upper case, check digits verified. */
    IBAN("iban", MatchStrength.EQUIVALENT, "iban"),
    /** The same IMO ship identification number, check digit verified. */
    IMO("imo", MatchStrength.EQUIVALENT, "imo"),
    /** The same CAS registry number, check digit verified, leading zeros dropped. */
    CAS("cas", MatchStrength.EQUIVALENT, "cas"),
    /** The same airline designator and flight number, leading zeros dropped. */
    FLIGHT_NUMBER("flight-number", MatchStrength.EQUIVALENT, "flight"),
    /** The same Latin letters and digits, ignoring case, accents and tone marks, spaces and punctuation. */
    LATIN_LETTERS("latin-letters", MatchStrength.SIMILAR, Spaces.LATIN),
    /** The same Latin letters with the last name part put first, or the first last (Wei Zhang, Zhang Wei). */
    REVERSED_ORDER("reversed-order", MatchStrength.SIMILAR, Spaces.LATIN),
    /** Chinese characters read in pinyin (tone marks dropped) give the other's Latin letters or its pinyin. */
    PINYIN("pinyin", MatchStrength.SIMILAR, Spaces.LATIN),
    /** As {@link #PINYIN}, with the given name first and the surname last. */
    PINYIN_REVERSED_ORDER("pinyin-reversed-order", MatchStrength.SIMILAR, Spaces.LATIN);

    private final String id;
    private final MatchStrength strength;
    private final String space;

    MatchRule(String id, MatchStrength strength, String space) {
        this.id = id;
        this.strength = strength;
        this.space = space;
    }

    public String id() {
        return id;
    }

    public MatchStrength strength() {
        return strength;
    }

    /** Keys are compared only with keys of the same space: a phone's E.164 never meets a name's letters. */
    String space() {
        return space;
    }

    /** The rule of {@code id}, as {@link #id()} gives it. */
    public static MatchRule ofId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no match rule '" + id + "'"));
    }

    /**
     * The rule by which a key of rule {@code a} and a key of rule {@code b} match when their
     * {@link MatchKey#indexKey()}s are equal; empty if such a pair is no match. In the Latin letters' space one side
     * must be as written ({@code latin-letters}) and the other side's rule names the match: a reversed order on both
     * sides, or a reading in pinyin against a reversed order, would match permutations no one writes (王小明 and
     * "Ming Wang Xiao"); two readings in pinyin match as {@code pinyin} (张伟 and 張偉).
     *
     * @throws IllegalArgumentException if the two rules' keys are never compared
     */
    public static Optional<MatchRule> combine(MatchRule a, MatchRule b) {
        if (!a.space.equals(b.space)) {
            throw new IllegalArgumentException(a.id + " and " + b.id + " keys are never compared");
        }
        if (!a.space.equals(Spaces.LATIN) || a == b && (a == LATIN_LETTERS || a == PINYIN)) {
            return Optional.of(a);
        }
        if (a == LATIN_LETTERS || b == LATIN_LETTERS) {
            return Optional.of(a == LATIN_LETTERS ? b : a);
        }
        return Optional.empty();
    }

    /** The stronger of two rules (the earlier one). */
    public static MatchRule stronger(MatchRule a, MatchRule b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    @Override
    public String toString() {
        return id;
    }

    private static final class Spaces {
        static final String LATIN = "latin";
    }
}
