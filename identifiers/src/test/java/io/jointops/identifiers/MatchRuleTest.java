package io.jointops.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchRuleTest {

    /** Which pairs of keys with equal index keys are a match, and by which rule; a blank rule is no match. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "latin-letters         | latin-letters         | latin-letters",
            "latin-letters         | reversed-order        | reversed-order",
            "latin-letters         | pinyin                | pinyin",
            "latin-letters         | pinyin-reversed-order | pinyin-reversed-order",
            "pinyin                | pinyin                | pinyin",
            "reversed-order        | reversed-order        | ''",
            "reversed-order        | pinyin                | ''",
            "reversed-order        | pinyin-reversed-order | ''",
            "pinyin                | pinyin-reversed-order | ''",
            "pinyin-reversed-order | pinyin-reversed-order | ''",
            "exact                 | exact                 | exact",
            "e164                  | e164                  | e164",
    })
    void combines(String a, String b, String rule) {
        Optional<MatchRule> expected = rule.isEmpty() ? Optional.empty() : Optional.of(MatchRule.ofId(rule));
        assertThat(MatchRule.combine(MatchRule.ofId(a), MatchRule.ofId(b))).isEqualTo(expected);
        assertThat(MatchRule.combine(MatchRule.ofId(b), MatchRule.ofId(a))).isEqualTo(expected);
    }

    @Test
    void keysOfDifferentSpacesAreNeverCompared() {
        assertThatThrownBy(() -> MatchRule.combine(MatchRule.EXACT, MatchRule.E164)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MatchKey(MatchRule.EXACT, "x").indexKey()).isNotEqualTo(new MatchKey(MatchRule.CASE_AND_PUNCTUATION, "x").indexKey());
        assertThat(new MatchKey(MatchRule.PINYIN, "zhangwei").indexKey()).isEqualTo("latin:zhangwei")
                .isEqualTo(new MatchKey(MatchRule.LATIN_LETTERS, "zhangwei").indexKey());
    }

    @ParameterizedTest
    @EnumSource(MatchRule.class)
    void everyRuleIsFoundByItsId(MatchRule rule) {
        assertThat(MatchRule.ofId(rule.id())).isSameAs(rule);
        assertThat(rule.toString()).isEqualTo(rule.id());
    }

    @Test
    void theStrongerRuleIsTheEarlierOne() {
        assertThat(MatchRule.stronger(MatchRule.PINYIN, MatchRule.EXACT)).isEqualTo(MatchRule.EXACT);
        assertThat(MatchRule.stronger(MatchRule.LATIN_LETTERS, MatchRule.PINYIN)).isEqualTo(MatchRule.LATIN_LETTERS);
        assertThatThrownBy(() -> MatchRule.ofId("soundex")).isInstanceOf(IllegalArgumentException.class);
    }
}
