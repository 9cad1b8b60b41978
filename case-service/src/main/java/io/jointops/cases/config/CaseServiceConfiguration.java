package io.jointops.cases.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CooperationPolicy.class)
class CaseServiceConfiguration {

    /**
     * An accepted lead whose case could not be opened or whose item could not be linked (the owning service down, a
     * timeout) must not be skipped, as Axon's logging error handler would: the error propagates and the processor
     * retries the event with back-off. The owner's refusal is handled in the process and does not propagate.
     */
    @Bean
    ConfigurerModule acceptedLeadsRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler("case-lead-process", config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler("case-lead-links", config -> PropagatingErrorHandler.instance()));
    }
}
