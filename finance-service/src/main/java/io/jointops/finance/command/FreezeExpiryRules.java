package io.jointops.finance.command;

import io.jointops.api.finance.FreezeMeasure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a granted measure lasts, by the receiving country's rule (configuration
 * {@code jointops.freeze.expiry.<country>.<measure>}, {@code DEFAULT} for countries without a rule of their own), and
 * how long before its expiry both agencies are reminded. A rule is {@code <n> working days} (Monday to Friday, counted
 * in UTC; public holidays are not known to the platform), {@code <n> days}, or an ISO-8601 duration such as
 * {@code PT30S} (for tests).
 */
public final class FreezeExpiryRules {

    public static final String DEFAULT = "DEFAULT";
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3}) (working )?days?");

    private final Map<String, Map<FreezeMeasure, String>> rules;
    private final Duration reminderBefore;

    /** @throws IllegalArgumentException if a rule cannot be read or DEFAULT lacks a measure */
    public FreezeExpiryRules(Map<String, Map<FreezeMeasure, String>> rules, Duration reminderBefore) {
        this.rules = Map.copyOf(rules);
        this.reminderBefore = reminderBefore;
        for (FreezeMeasure measure : FreezeMeasure.values()) {
            if (rules.getOrDefault(DEFAULT, Map.of()).get(measure) == null) {
                throw new IllegalArgumentException("jointops.freeze.expiry.DEFAULT." + measure + " must be configured");
            }
        }
        rules.values().forEach(byMeasure -> byMeasure.values().forEach(rule -> expiry(rule, Instant.EPOCH)));
    }

    /** The rule for a measure granted by an agency of {@code country}, as configured. */
    public String rule(String country, FreezeMeasure measure) {
        String rule = rules.getOrDefault(country, Map.of()).get(measure);
        return rule != null ? rule : rules.get(DEFAULT).get(measure);
    }

    /** When a measure granted (or extended) at {@code from} under {@code rule} lapses. */
    public static Instant expiry(String rule, Instant from) {
        String text = rule.strip().toLowerCase(Locale.ROOT);
        Matcher days = DAYS.matcher(text);
        if (days.matches()) {
            int n = Integer.parseInt(days.group(1));
            if (days.group(2) == null) {
                return from.plus(Duration.ofDays(n));
            }
            ZonedDateTime at = from.atZone(ZoneOffset.UTC);
            int added = 0;
            while (added < n) {
                at = at.plusDays(1);
                if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    added++;
                }
            }
            return at.toInstant();
        }
        try {
            return from.plus(Duration.parse(rule.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Freeze expiry rule '" + rule
                    + "' is neither '<n> working days', '<n> days' nor an ISO-8601 duration", e);
        }
    }

    /** When to remind of an expiry at {@code expiresAt}; {@code null} if that moment has passed at {@code now}. */
    public Instant reminder(Instant expiresAt, Instant now) {
        Instant at = expiresAt.minus(reminderBefore);
        return at.isAfter(now) ? at : null;
    }
}
