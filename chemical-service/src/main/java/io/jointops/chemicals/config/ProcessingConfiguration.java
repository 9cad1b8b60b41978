package io.jointops.chemicals.config;

import io.jointops.chemicals.command.PenRules;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PenProperties.class)
class ProcessingConfiguration {

    /** The aggregates take the rules as an injected resource: Axon resolves handler parameters from Spring beans. */
    @Bean
    PenRules penRules(PenProperties properties) {
        return new PenRules(properties.authorities(), properties.responseWindows(), properties.responseWindow(),
                Clock.systemUTC());
    }

    /**
     * A case lead that could not be proposed (case-service down, a timeout) must not be skipped, as Axon's logging
     * error handler would: the error propagates and the processor retries the event with back-off.
     */
    @Bean
    ConfigurerModule caseLeadsRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler("chemical-case-leads", config -> PropagatingErrorHandler.instance()));
    }
}
