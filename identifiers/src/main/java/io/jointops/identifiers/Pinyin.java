package io.jointops.identifiers;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chinese characters read in pinyin, with ICU4J's transliterators. Creating one costs about half a second (ICU
 * compiles its rules), so each is created once, on first use of a Chinese name; ICU's rule-based transliterators
 * synchronise on their rule data, so one instance serves every thread.
 */
final class Pinyin {

    /** Names: a surname's reading where it differs (单 shàn, 曾 zēng, 区 ōu, 尉迟 yùchí); ICU's "Han-Latin/Names". */
    private static final class NameReadings {
        static final Transliterator HAN_LATIN_NAMES = Transliterator.getInstance("Han-Latin/Names");
    }

    /** Other text: organisations, places, vessels. */
    private static final class Readings {
        static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin");
    }

    /** Traditional characters to simplified ones ("Hant-Hans"), to find a surname written either way. */
    private static final class Simplified {
        static final Transliterator HANT_HANS = Transliterator.getInstance("Hant-Hans");
    }

    /**
     * Surnames of two characters (复姓), simplified: the given name follows them. Others take the first character as
     * the surname.
     */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
            "轩辕", "令狐", "澹台", "端木", "独孤", "南宫", "万俟", "闻人", "赫连", "呼延", "百里", "东郭", "西门",
            "申屠", "公羊", "濮阳", "太史", "钟离", "淳于", "单于", "拓跋", "完颜", "司空", "羊舌", "微生", "梁丘",
            "左丘", "第五", "谷梁", "乐正", "公冶", "仲孙", "叔孙", "东门", "巫马", "公西", "漆雕", "壤驷", "公良",
            "宰父", "谷粱", "段干", "亓官", "司寇", "子车", "颛孙", "鲜于", "闾丘", "锺离");

    /** Han ideographs, with the middle dot and spaces that may separate a name's parts. */
    private static final Pattern HAN_ONLY = Pattern.compile("[\\p{IsHan}\\s·・•‧]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s·・•‧]+");
    private static final Pattern TONE_MARKS = Pattern.compile("[\\p{M}&&[^\\u0308]]+");
    private static final Pattern SYLLABLE = Pattern.compile("[a-zü0-9]+");

    private Pinyin() {
    }

    static boolean isHanOnly(String text) {
        return HAN_ONLY.matcher(text).matches() && text.codePoints().anyMatch(Pinyin::isHan);
    }

    static boolean containsHan(String text) {
        return text.codePoints().anyMatch(Pinyin::isHan);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * A person's name written in Chinese characters only, read in pinyin: surname and given name, each as its
     * syllables run together (欧阳修: {@code ouyang}, {@code xiu}), tone marks dropped. A name in traditional
     * characters is read as written and in simplified characters, where ICU knows surnames' readings (單 dān, 单
     * shàn); the conversion is not always right (乾 qián becomes 干 gān), so both readings count.
     *
     * @return the distinct readings; empty if a character has no reading
     */
    static List<NameSpelling> personName(String han) {
        String characters = SEPARATORS.matcher(han).replaceAll("");
        String simplified = Simplified.HANT_HANS.transliterate(characters);
        int count = characters.codePointCount(0, characters.length());
        int surname = count >= 3 && COMPOUND_SURNAMES.contains(simplified.substring(0, simplified.offsetByCodePoints(0, 2)))
                ? 2 : 1;
        Set<NameSpelling> spellings = new LinkedHashSet<>();
        for (String written : simplified.equals(characters) ? List.of(characters) : List.of(characters, simplified)) {
            List<String> syllables = syllables(NameReadings.HAN_LATIN_NAMES.transliterate(written));
            if (syllables != null && syllables.size() == count) {
                spellings.add(new NameSpelling(String.join("", syllables.subList(0, surname)),
                        String.join("", syllables.subList(surname, count))));
            }
        }
        return List.copyOf(spellings);
    }

    /** Text with Chinese characters (an organisation, a place) read in pinyin, run together; null if it cannot be. */
    static String text(String folded) {
        List<String> syllables = syllables(Readings.HAN_LATIN.transliterate(folded));
        return syllables == null ? null : String.join("", syllables);
    }

    /** The syllables of ICU's reading, lower case, tone marks dropped (ü kept); null if anything else is left. */
    private static List<String> syllables(String reading) {
        List<String> syllables = new ArrayList<>();
        for (String part : SEPARATORS.split(reading.strip())) {
            String plain = withoutToneMarks(part).toLowerCase(Locale.ROOT);
            if (!SYLLABLE.matcher(plain).matches()) {
                return null; // a character ICU has no reading for, or something that is no syllable
            }
            syllables.add(plain);
        }
        return syllables.isEmpty() ? null : syllables;
    }

    /** ǚ to ü, á to a: every combining mark but the diaeresis goes. */
    private static String withoutToneMarks(String syllable) {
        String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        return Normalizer.normalize(TONE_MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    /** A name's pinyin: surname and given name, tone marks dropped, ü kept for {@link #variants}. */
    record NameSpelling(String surname, String given) {
    }

    /** ü written the three ways Latin records write it: u (most), v (keyboards, databases), yu (passports since 2012). */
    static List<String> variants(String spelling) {
        if (!spelling.contains("ü")) {
            return List.of(spelling);
        }
        return List.of(spelling.replace("ü", "u"), spelling.replace("ü", "v"), spelling.replace("ü", "yu"));
    }
}
