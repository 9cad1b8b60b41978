package io.jointops.finance.config;

import io.jointops.api.finance.FreezeMeasure;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code jointops.freeze.*}: how long a granted measure lasts per receiving country (ISO 3166-1 alpha-2, or
 * {@code DEFAULT}) and measure, and how long before its expiry both agencies are reminded.
 */
@ConfigurationProperties("jointops.freeze")
record FreezeProperties(Map<String, Map<FreezeMeasure, String>> expiry, Duration reminderBefore) {
}
