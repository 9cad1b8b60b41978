package io.jointops.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.time.Clock;

@AutoConfiguration(before = SecurityAutoConfiguration.class)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoders)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a stateless API has no logout, no saved request to return to and no code that asks the servlet
                // request for its user (Caller reads the security context): each of these filters wrapped or
                // inspected every request for nothing
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        // authenticated by the shared bus secret before Spring Security (BusSecretFilter), and only
                        // reachable on the internal bus port
                        .requestMatchers("/spring-command-bus-connector/**", "/member-capabilities").permitAll()
                        .anyRequest().access(tokenWithAgency()))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> {
                            jwt.jwtAuthenticationConverter(new KeycloakRoles());
                            decoders.ifAvailable(decoder -> jwt.decoder(new VerifiedTokens(decoder, Clock.systemUTC())));
                        })
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()));
        return http.build();
    }

    /**
     * No observation around each of Spring Security's filters: the decorator that wraps them for it ran on every
     * request even with the observations switched off, for timers nobody reads (the request's own timer stays).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code requestMatchers("/actuator/health/**")} and the like match the request's path by pattern. Without this
     * bean Spring Security matches them by asking Spring MVC which handler the request would go to, which needs the
     * handler looked up before the chain (below).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security 6 puts Spring MVC's {@code HandlerMappingIntrospector} cache filter before its own chain in every
     * application with Spring MVC (a {@code CompositeFilterChainProxy} named {@code springSecurityFilterChain}), so
     * that MVC request matchers and MVC's CORS configuration find the request's handler looked up once. These services
     * use neither (path patterns above; no CORS: browsers reach them through the gateway), yet the filter looked
     * every request's handler up, as the {@code DispatcherServlet} then does again: 16 % of case-service's request
     * threads on a create, 13 % on a get. This puts Spring Security's own chain back under its name.
     */
    @Bean
    static BeanFactoryPostProcessor securityChainWithoutHandlerLookup() {
        return factory -> {
            if (!(factory instanceof BeanDefinitionRegistry registry)
                    || !registry.containsBeanDefinition(SECURITY_CHAIN)) {
                return;
            }
            BeanDefinition chain = registry.getBeanDefinition(SECURITY_CHAIN);
            if (chain.getBeanClassName() == null || !chain.getBeanClassName().endsWith("$CompositeFilterChainProxy")) {
                return;
            }
            var filters = (ManagedList<?>) chain.getConstructorArgumentValues()
                    .getIndexedArgumentValue(0, ManagedList.class).getValue();
            BeanDefinition securityOwn = filters.stream().filter(BeanDefinition.class::isInstance)
                    .map(BeanDefinition.class::cast)
                    .filter(definition -> !String.valueOf(definition.getBeanClassName()).contains("CacheFilter"))
                    .findFirst().orElseThrow();
            registry.removeBeanDefinition(SECURITY_CHAIN);
            registry.registerBeanDefinition(SECURITY_CHAIN, securityOwn);
        };
    }

    private static final String SECURITY_CHAIN = "springSecurityFilterChain";

    /** Spring Security's strict firewall, its header checks as loops (HeaderCharacters). */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    /** Every API call acts for an agency; a token without one (e.g. a misconfigured client) is refused. */
    private static AuthorizationManager<RequestAuthorizationContext> tokenWithAgency() {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken jwt
                        && jwt.getToken().getClaimAsString(KeycloakRoles.AGENCY_CLAIM) != null);
    }
}
