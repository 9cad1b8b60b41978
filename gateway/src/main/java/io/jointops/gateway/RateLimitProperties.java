package io.jointops.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token bucket per client and user: {@code capacity} is the burst, {@code refillTokens} per
 * {@code refillPeriod} the sustained rate. Defaults live in application.yml.
 */
@ConfigurationProperties("jointops.rate-limit")
record RateLimitProperties(long capacity, long refillTokens, Duration refillPeriod) {

    RateLimitProperties {
        if (capacity < 1 || refillTokens < 1 || refillPeriod == null || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("jointops.rate-limit needs capacity >= 1, refill-tokens >= 1 and a positive refill-period");
        }
    }

    /** How long an untouched bucket takes to be full again, i.e. indistinguishable from a new one. */
    Duration timeToFull() {
        long periods = (capacity + refillTokens - 1) / refillTokens;
        return refillPeriod.multipliedBy(periods);
    }
}
