package io.jointops.finance.config;

import io.jointops.finance.command.FreezeExpiryRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FreezeProperties.class)
class FinanceConfiguration {

    /** Injected into the freeze request aggregate's handlers; an unreadable rule stops the service at start. */
    @Bean
    FreezeExpiryRules freezeExpiryRules(FreezeProperties properties) {
        return new FreezeExpiryRules(properties.expiry() == null ? Map.of() : properties.expiry(),
                properties.reminderBefore() == null ? Duration.ofDays(1) : properties.reminderBefore());
    }
}
