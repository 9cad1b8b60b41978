package io.jointops.cases.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CooperationPolicy.class)
class CaseServiceConfiguration {
}
