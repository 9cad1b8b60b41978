package io.jointops.chemicals.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Pre-export notification settings (see application.yml).
 *
 * @param authorities            ISO country to the agency that answers notifications of imports into it, e.g.
 *                               {@code US=US-DEA}; a country not listed is answered by any agency of that country
 * @param responseWindow         the importing authority's response window where none is set for its country
 * @param responseWindows        response window per importing country, e.g. {@code AU=P5D}
 */
@ConfigurationProperties("jointops.pen")
record PenProperties(Map<String, String> authorities, Duration responseWindow, Map<String, Duration> responseWindows) {

    PenProperties {
        authorities = authorities == null ? Map.of() : authorities;
        responseWindow = responseWindow == null ? Duration.ofDays(15) : responseWindow;
        responseWindows = responseWindows == null ? Map.of() : responseWindows;
    }
}
