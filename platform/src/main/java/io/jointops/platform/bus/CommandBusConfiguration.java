package io.jointops.platform.bus;

import io.jointops.platform.command.CommandValidation;
import org.apache.catalina.connector.Connector;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.extensions.springcloud.autoconfig.SpringCloudAutoConfiguration;
import org.axonframework.extensions.springcloud.commandhandling.SpringHttpCommandBusConnector;
import org.axonframework.extensions.springcloud.commandhandling.mode.CapabilityDiscoveryMode;
import org.axonframework.extensions.springcloud.commandhandling.mode.RestCapabilityDiscoveryMode;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClient;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@AutoConfiguration(before = SpringCloudAutoConfiguration.class)
@EnableConfigurationProperties(BusProperties.class)
public class CommandBusConfiguration {

    /** Client of every bus call (commands and capability discovery): bounded waits and the shared credential. */
    @Bean
    RestTemplate busRestTemplate(RestTemplateBuilder builder, BusProperties bus) {
        return builder
                .connectTimeout(bus.connectTimeout())
                .readTimeout(bus.readTimeout())
                .defaultHeader(BusProperties.SECRET_HEADER, bus.secret())
                .build();
    }

    @Bean
    SpringHttpCommandBusConnector secureCommandBusConnector(@Qualifier("localSegment") CommandBus localSegment,
                                                            RestTemplate busRestTemplate,
                                                            @Qualifier("messageSerializer") Serializer serializer) {
        return SpringHttpCommandBusConnector.builder()
                .localCommandBus(localSegment)
                .restOperations(busRestTemplate)
                .serializer(new AllowListSerializer(serializer))
                .build();
    }

    @Bean
    RestCapabilityDiscoveryMode secureCapabilityDiscoveryMode(Serializer serializer, RestTemplate busRestTemplate) {
        return RestCapabilityDiscoveryMode.builder()
                .serializer(new AllowListSerializer(serializer))
                .restTemplate(busRestTemplate)
                .messageCapabilitiesEndpoint(BusProperties.CAPABILITIES_PATH)
                .build();
    }

    @Bean
    @Primary
    CapabilityDiscoveryMode tolerantCapabilityDiscovery(RestCapabilityDiscoveryMode secureCapabilityDiscoveryMode) {
        return new TolerantCapabilityDiscovery(secureCapabilityDiscoveryMode);
    }

    /**
     * Every command's constraints, checked where it is sent (registered on the command gateway as a dispatch
     * interceptor) and where it is handled (on the bus's local segment as a handler interceptor, so a command from
     * another member is checked too): Axon's auto-configuration registers this one bean as both.
     */
    @Bean
    CommandValidation commandValidation() {
        return new CommandValidation();
    }

    @Bean
    BusRegistration busRegistration(@Value("${spring.application.name}") String serviceId, BusProperties bus) {
        return new BusRegistration(serviceId, bus.advertisedUri());
    }

    @Bean
    BusMembershipHeartbeat busMembershipHeartbeat(ApplicationEventPublisher publisher, BusRegistration registration,
                                                  BusProperties bus) {
        return new BusMembershipHeartbeat(publisher, registration, bus.heartbeat());
    }

    /**
     * Outside Kubernetes the members are listed in configuration. On Kubernetes, {@code jointops.bus.discovery=kubernetes}
     * leaves discovery to spring-cloud-kubernetes instead.
     */
    @Bean
    @ConditionalOnProperty(name = "jointops.bus.discovery", havingValue = "static", matchIfMissing = true)
    DiscoveryClient staticBusMembers(BusProperties bus) {
        SimpleDiscoveryProperties properties = new SimpleDiscoveryProperties();
        Map<String, List<DefaultServiceInstance>> instances = bus.members().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, member -> List.of(
                        new DefaultServiceInstance(member.getKey() + "@" + member.getValue(), member.getKey(),
                                member.getValue().getHost(), member.getValue().getPort(),
                                "https".equals(member.getValue().getScheme())))));
        properties.setInstances(instances);
        return new SimpleDiscoveryClient(properties) {
            @Override
            public String description() {
                return "JointOps static command bus members";
            }
        };
    }

    /** The bus gets its own port, so network policy can keep it away from everything but the platform's services. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> busPortConnector(BusProperties bus) {
        return factory -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(bus.port());
            factory.addAdditionalTomcatConnectors(connector);
        };
    }

    @Bean
    FilterRegistrationBean<BusSecretFilter> busSecretFilter(BusProperties bus) {
        FilterRegistrationBean<BusSecretFilter> registration =
                new FilterRegistrationBean<>(new BusSecretFilter(bus.port(), bus.secret()));
        // before Spring Security: bus calls carry no user token, the API port never serves bus paths
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}
