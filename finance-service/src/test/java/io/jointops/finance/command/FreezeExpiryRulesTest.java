package io.jointops.finance.command;

import io.jointops.api.finance.FreezeMeasure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreezeExpiryRulesTest {

    private final FreezeExpiryRules rules = new FreezeExpiryRules(Map.of(
            "DEFAULT", Map.of(FreezeMeasure.POSTPONEMENT, "5 working days", FreezeMeasure.FREEZE, "30 days"),
            "CN", Map.of(FreezeMeasure.POSTPONEMENT, "2 working days")), Duration.ofDays(1));

    @Test
    void workingDaysSkipTheWeekend() {
        // Friday 2026-10-16 10:00 UTC + 5 working days = Friday 2026-10-23 10:00 UTC
        assertThat(FreezeExpiryRules.expiry("5 working days", Instant.parse("2026-10-16T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-23T10:00:00Z"));
        // Thursday + 2 working days = Monday
        assertThat(FreezeExpiryRules.expiry("2 working days", Instant.parse("2026-10-15T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-19T10:00:00Z"));
    }

    @Test
    void calendarDaysAndDurations() {
        assertThat(FreezeExpiryRules.expiry("30 days", Instant.parse("2026-10-16T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-15T10:00:00Z"));
        assertThat(FreezeExpiryRules.expiry("PT8S", Instant.parse("2026-10-16T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-16T10:00:08Z"));
    }

    @Test
    void aCountryRuleWinsAndOthersFallBackToTheDefault() {
        assertThat(rules.rule("CN", FreezeMeasure.POSTPONEMENT)).isEqualTo("2 working days");
        assertThat(rules.rule("CN", FreezeMeasure.FREEZE)).isEqualTo("30 days");
        assertThat(rules.rule("MX", FreezeMeasure.POSTPONEMENT)).isEqualTo("5 working days");
    }

    @Test
    void theReminderComesBeforeTheExpiryUnlessThatHasPassed() {
        Instant now = Instant.parse("2026-10-16T10:00:00Z");
        assertThat(rules.reminder(Instant.parse("2026-10-20T10:00:00Z"), now)).isEqualTo(Instant.parse("2026-10-19T10:00:00Z"));
        assertThat(rules.reminder(Instant.parse("2026-10-16T20:00:00Z"), now)).isNull();
    }

    @Test
    void unreadableOrMissingRulesStopTheStart() {
        assertThatThrownBy(() -> new FreezeExpiryRules(Map.of("DEFAULT", Map.of(FreezeMeasure.POSTPONEMENT, "soon",
                FreezeMeasure.FREEZE, "30 days")), Duration.ofDays(1))).hasMessageContaining("soon");
        assertThatThrownBy(() -> new FreezeExpiryRules(Map.of("DEFAULT", Map.of(FreezeMeasure.FREEZE, "30 days")),
                Duration.ofDays(1))).hasMessageContaining("DEFAULT.POSTPONEMENT");
    }
}
