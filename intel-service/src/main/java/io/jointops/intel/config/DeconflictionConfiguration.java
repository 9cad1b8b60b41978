package io.jointops.intel.config;

import io.jointops.intel.integration.DeconflictionContacts;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deconfliction's processor: one segment, so that two items naming the same identifier in events handled at the same
 * time always meet in its index (with several, each segment's transaction could miss the other's uncommitted key);
 * errors propagate, so an event whose notices could not be noted is retried with back-off, never skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeconflictionContacts.class)
class DeconflictionConfiguration {

    /** {@code io.jointops.intel.integration.DeconflictionMatcher}'s processing group. */
    static final String DECONFLICTION = "deconfliction";

    @Bean
    ConfigurerModule deconflictionProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(DECONFLICTION,
                        (config, builder) -> builder.initialSegmentCount(1))
                .registerListenerInvocationErrorHandler(DECONFLICTION, config -> PropagatingErrorHandler.instance()));
    }
}
