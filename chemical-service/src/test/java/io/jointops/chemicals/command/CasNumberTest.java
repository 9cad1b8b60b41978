package io.jointops.chemicals.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CasNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"108-24-7", "1609-66-1", "64-17-5", "7732-18-5", "50-00-0", "125541-22-2", "2167189-50-4"})
    void acceptsNumbersWhoseCheckDigitMatches(String casNumber) {
        assertThat(CasNumber.isValid(casNumber)).isTrue();
    }

    /** 1609-66-5 is the wrong norfentanyl number found in a third-party list (see precursors.SOURCES.md). */
    @ParameterizedTest
    @ValueSource(strings = {"1609-66-5", "108-24-8", "67-64-2", "7732-18-0"})
    void refusesNumbersWhoseCheckDigitDoesNotMatch(String casNumber) {
        assertThat(CasNumber.isValid(casNumber)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"108247", "108-24-", "108-2-7", "1-24-7", "12345678-24-7", "0108-24-7", "108 24 7",
            "108-24-7 ", "A08-24-7", "28578-16-"})
    void refusesWhatIsNotShapedLikeACasNumber(String casNumber) {
        assertThat(CasNumber.isValid(casNumber)).isFalse();
    }
}
