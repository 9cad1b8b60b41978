package io.jointops.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
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
