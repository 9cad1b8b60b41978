package io.jointops.identifiers;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names of persons, organisations, places and ships: their canonical form and keys. */
final class Names {

    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern NOT_LATIN = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Accented and other Latin letters to ASCII: ø to o, ł to l, æ to ae (ICU's "Latin-ASCII"); created once. */
    private static final class Ascii {
        static final Transliterator LATIN_ASCII = Transliterator.getInstance("[:Latin:] Latin-ASCII");
    }

    private Names() {
    }

    /**
     * Case-folded (upper- then lower-case in the root locale, so ß matches SS), punctuation ({@code \p{P}}) removed,
     * whitespace runs collapsed to one space, trimmed: {@code "ACME Trading Co., Ltd."} is
     * {@code "acme trading co ltd"}.
     */
    static String folded(String text) {
        String folded = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String collapsed = WHITESPACE.matcher(PUNCTUATION.matcher(folded).replaceAll("")).replaceAll(" ").strip();
        if (collapsed.isEmpty()) {
            throw new InvalidIdentifierException("must contain letters or digits");
        }
        return collapsed;
    }

    static Identifier name(IdentifierKind kind, String exact) {
        String folded = folded(exact);
        Keys keys = new Keys().add(MatchRule.EXACT, exact).add(MatchRule.CASE_AND_PUNCTUATION, folded);
        List<String> words = latinWords(folded);
        if (words != null) {
            keys.add(MatchRule.LATIN_LETTERS, String.join("", words));
            if (kind == IdentifierKind.PERSON_NAME && words.size() > 1) {
                // either end may hold the surname: Zhang Wei and Wei Zhang, Xiao Ming Zhang and Zhang Xiao Ming
                keys.add(MatchRule.REVERSED_ORDER, words.get(words.size() - 1) + String.join("", words.subList(0, words.size() - 1)));
                keys.add(MatchRule.REVERSED_ORDER, String.join("", words.subList(1, words.size())) + words.get(0));
            }
        } else if (kind == IdentifierKind.PERSON_NAME && Pinyin.isHanOnly(folded)) {
            List<Pinyin.NameSpelling> spellings = Pinyin.personName(folded);
            for (Pinyin.NameSpelling spelling : spellings) {
                for (String surname : Pinyin.variants(spelling.surname())) {
                    for (String given : Pinyin.variants(spelling.given())) {
                        keys.add(MatchRule.PINYIN, surname + given);
                    }
                }
            }
            for (Pinyin.NameSpelling spelling : spellings) {
                if (!spelling.given().isEmpty()) {
                    for (String surname : Pinyin.variants(spelling.surname())) {
                        for (String given : Pinyin.variants(spelling.given())) {
                            keys.add(MatchRule.PINYIN_REVERSED_ORDER, given + surname);
                        }
                    }
                }
            }
        } else if (Pinyin.containsHan(folded)) {
            String reading = Pinyin.text(Ascii.LATIN_ASCII.transliterate(folded));
            if (reading != null) {
                keys.add(MatchRule.PINYIN, reading);
            }
        }
        return new Identifier(kind, folded, keys.list());
    }

    /**
     * The words of a name written in Latin letters (and digits), in ASCII: accents and tone marks dropped
     * (Zhāng to zhang, Müller to muller, Łódź to lodz); null if the name has letters of another script.
     */
    private static List<String> latinWords(String folded) {
        if (Pinyin.containsHan(folded)) {
            return null;
        }
        String ascii = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        if (!ascii.chars().allMatch(c -> c < 128)) {
            ascii = Ascii.LATIN_ASCII.transliterate(ascii).toLowerCase(Locale.ROOT); // ø, ł, æ, þ: no marks to drop
        }
        List<String> words = new ArrayList<>();
        boolean letter = false;
        for (String word : WHITESPACE.split(ascii)) {
            if (word.codePoints().anyMatch(c -> Character.isLetter(c) && !(c >= 'a' && c <= 'z'))) {
                return null;
            }
            String plain = NOT_LATIN.matcher(word).replaceAll("");
            if (LATIN_WORD.matcher(plain).matches()) {
                words.add(plain);
                letter |= plain.chars().anyMatch(Character::isLetter);
            }
        }
        return letter ? words : null;
    }

    /** Keys in the order added, each index key once (the first, strongest, rule kept). */
    static final class Keys {
        private final List<MatchKey> keys = new ArrayList<>();

        Keys add(MatchRule rule, String value) {
            MatchKey key = new MatchKey(rule, value);
            if (keys.stream().noneMatch(k -> k.indexKey().equals(key.indexKey()))) {
                keys.add(key);
            }
            return this;
        }

        List<MatchKey> list() {
            return keys;
        }
    }
}
