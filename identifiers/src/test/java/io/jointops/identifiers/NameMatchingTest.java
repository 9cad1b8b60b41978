package io.jointops.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.jointops.identifiers.IdentifierKind.LOCATION_NAME;
import static io.jointops.identifiers.IdentifierKind.ORGANISATION_NAME;
import static io.jointops.identifiers.IdentifierKind.PERSON_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** Names across scripts and spellings: which spellings match, by which rule, and which do not. */
class NameMatchingTest {

    private static Identifier person(String name) {
        return Identifiers.of(PERSON_NAME, name);
    }

    /** 张伟 = Zhang Wei = Wei Zhang = Zhāng Wěi = ZHANG wei, each pair by the rule that says how. */
    @ParameterizedTest(name = "''{0}'' and ''{1}'' match by {2}")
    @CsvSource(delimiter = '|', value = {
            "张伟           | 张伟              | exact",
            "Zhang Wei      | Zhang Wei         | exact",
            "Zhang Wei      | ZHANG wei         | case-and-punctuation",
            "Zhang Wei      | zhang, wei.       | case-and-punctuation",
            "Zhang Wei      | ＺＨＡＮＧ　Ｗｅｉ     | case-and-punctuation",
            "Zhang Wei      | Zhāng Wěi         | latin-letters",
            "Zhang Wei      | Zhang-Wei         | latin-letters",
            "ZHANG wei      | Zhāng Wěi         | latin-letters",
            "Zhang Wei      | Wei Zhang         | reversed-order",
            "Zhāng Wěi      | WEI ZHANG         | reversed-order",
            "张伟           | Zhang Wei         | pinyin",
            "张伟           | ZHANG wei         | pinyin",
            "张伟           | Zhāng Wěi         | pinyin",
            "张伟           | zhangwei          | pinyin",
            "张 伟          | Zhang Wei         | pinyin",
            "张伟           | Wei Zhang         | pinyin-reversed-order",
            "张伟           | Wěi Zhāng         | pinyin-reversed-order",
            "Wei Zhang      | 张伟              | pinyin-reversed-order",
            "張偉           | Zhang Wei         | pinyin",
            "張偉           | 张伟              | pinyin",
            "欧阳娜娜       | Ouyang Nana       | pinyin",
            "欧阳娜娜       | Nana Ouyang       | pinyin-reversed-order",
            "欧阳娜娜       | Ou-Yang Na-Na     | pinyin",
            "歐陽娜娜       | Nana Ou Yang      | pinyin-reversed-order",
            "诸葛亮         | Liang Zhuge       | pinyin-reversed-order",
            "司马光         | Sima Guang        | pinyin",
            "王小明         | Wang Xiaoming     | pinyin",
            "王小明         | Xiaoming Wang     | pinyin-reversed-order",
            "王小明         | Xiao Ming Wang    | pinyin-reversed-order",
            "王小明         | Wang Xiao-Ming    | pinyin",
            "单田芳         | Shan Tianfang     | pinyin",
            "單田芳         | Shan Tianfang     | pinyin",
            "曾国藩         | Zeng Guofan       | pinyin",
            "吕布           | Lü Bu             | pinyin",
            "吕布           | Lu Bu             | pinyin",
            "吕布           | LYU Bu            | pinyin",
            "吕布           | Lv Bu             | pinyin",
            "𠀀伟           | He Wei            | pinyin",
            "龘伟           | Da Wei            | pinyin",
    })
    void matchesBy(String a, String b, String rule) {
        assertThat(person(a).matches(person(b))).map(MatchRule::id).contains(rule);
        assertThat(person(b).matches(person(a))).map(MatchRule::id).contains(rule); // symmetric
    }

    @ParameterizedTest(name = "''{0}'' and ''{1}'' do not match")
    @CsvSource(delimiter = '|', value = {
            "张伟           | Zhang Wen",
            "张伟           | Zhang",
            "张伟           | 张伟明",
            "Zhang Wei      | Zhang Weiming",
            "欧阳娜娜       | Yang Nana",
            "Иван Петров    | Ivan Petrov",
            "王小明         | Ming Wang Xiao",
            "John Smith     | Jon Smith",
    })
    void doesNotMatch(String a, String b) {
        assertThat(person(a).matches(person(b))).isEmpty();
        assertThat(person(b).matches(person(a))).isEmpty();
    }

    /**
     * Different people, one pinyin: 张伟 and 章伟 (or 张薇) are all "Zhang Wei". They match, but only as similar, so a
     * notice shows a lead to check rather than an identification.
     */
    @Test
    void manyChineseNamesShareOnePinyinSoAPinyinMatchIsOnlySimilar() {
        for (String other : List.of("章伟", "张薇", "張偉")) {
            assertThat(person("张伟").matches(person(other))).contains(MatchRule.PINYIN);
        }
        assertThat(MatchRule.PINYIN.strength()).isEqualTo(MatchStrength.SIMILAR);
        assertThat(MatchRule.PINYIN_REVERSED_ORDER.strength()).isEqualTo(MatchStrength.SIMILAR);
        assertThat(MatchRule.LATIN_LETTERS.strength()).isEqualTo(MatchStrength.SIMILAR);
        assertThat(MatchRule.REVERSED_ORDER.strength()).isEqualTo(MatchStrength.SIMILAR);
        assertThat(MatchRule.CASE_AND_PUNCTUATION.strength()).isEqualTo(MatchStrength.EQUIVALENT);
        assertThat(MatchRule.EXACT.strength()).isEqualTo(MatchStrength.EXACT);
    }

    @Test
    void aCompoundSurnameStaysWholeWhenTheOrderIsReversed() {
        assertThat(person("欧阳修").keys()).contains(new MatchKey(MatchRule.PINYIN, "ouyangxiu"),
                new MatchKey(MatchRule.PINYIN_REVERSED_ORDER, "xiuouyang"));
        assertThat(person("欧阳修").keys()).doesNotContain(new MatchKey(MatchRule.PINYIN_REVERSED_ORDER, "yangxiuou"));
        // a two-character name starting like a compound surname is a surname and a given name
        assertThat(person("欧阳").keys()).contains(new MatchKey(MatchRule.PINYIN_REVERSED_ORDER, "yangou"));
    }

    @Test
    void surnamesAreReadAsSurnames() {
        // 单 is dān in words, shàn as a surname; 区 qū and ōu; 尉迟 wèichí and yùchí
        assertThat(person("单田芳").keys()).contains(new MatchKey(MatchRule.PINYIN, "shantianfang"));
        assertThat(person("区永").keys()).contains(new MatchKey(MatchRule.PINYIN, "ouyong"));
        assertThat(person("尉迟恭").keys()).contains(new MatchKey(MatchRule.PINYIN, "yuchigong"));
    }

    @Test
    void aCharacterWithoutAReadingGivesNoPinyinKeyButStillMatchesAsWritten() {
        // U+2A6D6 is a Han character of extension B that ICU reads; U+3013 (geta mark) is no Han character
        Identifier unreadable = person("张〓");
        assertThat(unreadable.keys()).extracting(MatchKey::rule).containsExactly(MatchRule.EXACT, MatchRule.CASE_AND_PUNCTUATION);
        assertThat(unreadable.matches(person("张〓"))).contains(MatchRule.EXACT);
    }

    @Test
    void organisationsAndPlacesInChineseMatchTheirPinyinButNeverInReverse() {
        Identifier company = Identifiers.of(ORGANISATION_NAME, "华信贸易");
        assertThat(company.matches(Identifiers.of(ORGANISATION_NAME, "Huaxin Maoyi"))).contains(MatchRule.PINYIN);
        assertThat(company.matches(Identifiers.of(ORGANISATION_NAME, "Maoyi Huaxin"))).isEmpty();
        assertThat(Identifiers.of(LOCATION_NAME, "北京").matches(Identifiers.of(LOCATION_NAME, "Beijing")))
                .contains(MatchRule.PINYIN);
        assertThat(Identifiers.of(ORGANISATION_NAME, "ACME Trading Co., Ltd.")
                .matches(Identifiers.of(ORGANISATION_NAME, "acme trading co ltd"))).contains(MatchRule.CASE_AND_PUNCTUATION);
    }

    @Test
    void namesOfDifferentFamiliesNeverMatch() {
        assertThat(person("Zhang Wei").matches(Identifiers.of(ORGANISATION_NAME, "Zhang Wei"))).isEmpty();
        assertThat(person("Zhang Wei").matches(Identifiers.of(IdentifierKind.VESSEL, "Zhang Wei"))).isEmpty();
    }

    @Test
    void latinLettersOfOtherAlphabetsAreFolded() {
        assertThat(person("Łukasz Żółć").matches(person("LUKASZ ZOLC"))).contains(MatchRule.LATIN_LETTERS);
        assertThat(person("Søren Ærø").matches(person("Soren Aero"))).contains(MatchRule.LATIN_LETTERS);
        assertThat(person("José Pérez").matches(person("Perez Jose"))).contains(MatchRule.REVERSED_ORDER);
    }
}
