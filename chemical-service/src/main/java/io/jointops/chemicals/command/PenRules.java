package io.jointops.chemicals.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Who speaks for a country in pre-export notifications, and how long its authority has to respond.
 * <ul>
 *   <li>The importing country's authority is the agency configured for the country
 *       ({@code jointops.pen.authorities.US=US-DEA}); where none is configured, any agency whose code starts with the
 *       country's ISO 3166-1 alpha-2 code and a hyphen (e.g. {@code CN-CUSTOMS} for CN).</li>
 *   <li>The exporting agency must be an agency of the exporter's country (its code starts with the country).</li>
 *   <li>The response window is set per importing country, else the default (15 days).</li>
 * </ul>
 */
public final class PenRules {

    private final Map<String, String> authorities;
    private final Map<String, Duration> responseWindows;
    private final Duration defaultResponseWindow;
    private final Clock clock;

    public PenRules(Map<String, String> authorities, Map<String, Duration> responseWindows,
                    Duration defaultResponseWindow, Clock clock) {
        this.authorities = Map.copyOf(authorities);
        this.responseWindows = Map.copyOf(responseWindows);
        this.defaultResponseWindow = defaultResponseWindow;
        this.clock = clock;
    }

    /** Whether {@code agency} is the authority that answers notifications of imports into {@code country}. */
    boolean isImportAuthority(String agency, String country) {
        String configured = authorities.get(country);
        return configured != null ? configured.equals(agency) : isOfCountry(agency, country);
    }

    /** The rule in words, for a refusal. */
    String importAuthorityRule(String country) {
        String configured = authorities.get(country);
        return configured != null
                ? "the authority for imports into " + country + " is " + configured
                : "the authority for imports into " + country + " must be an agency of " + country + " (" + country + "-...)";
    }

    static boolean isOfCountry(String agency, String country) {
        return agency != null && country != null && agency.startsWith(country + "-");
    }

    Instant responseDueBy(String importingCountry) {
        return clock.instant().plus(responseWindows.getOrDefault(importingCountry, defaultResponseWindow));
    }
}
