package io.jointops.cases.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How long each agency keeps the personal data of each kind of item (docs/privacy.md, "Retention"), from
 * {@code jointops.privacy.retention}: a period counted from the item's last event, and the law that sets it.
 *
 * @param interval how often the retention run looks (db-scheduler, once across replicas)
 */
@ConfigurationProperties("jointops.privacy.retention")
public record RetentionRules(Duration interval, List<Rule> rules) {

    public RetentionRules {
        interval = interval == null ? Duration.ofHours(1) : interval;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * @param itemType   Axon's aggregate type, as the event store names it ({@code IntelReport}, {@code Shipment}, ...)
     * @param agency     the agency whose events made the item's keys
     * @param period     how long after the item's last event its personal data is kept
     * @param legalBasis the statute and article that set the period, recorded with each erasure
     */
    public record Rule(String itemType, String agency, Duration period, String legalBasis) {

        public String name() {
            return "retention:" + itemType + ":" + agency;
        }
    }
}
