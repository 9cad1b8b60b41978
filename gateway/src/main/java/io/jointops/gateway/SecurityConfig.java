package io.jointops.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Coarse access control in front of the services: a valid Keycloak token with the audience
 * {@code jointops-api}, an agency, and one of the roles that may use the service at all. The
 * services check the same token again and decide on each item; the gateway only keeps strangers out.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    private static final List<String> READERS = List.of("investigator", "analyst", "supervisor", "auditor", "platform-admin");

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems,
                                                  ObjectProvider<ReactiveJwtDecoder> decoders) {
        return http
                // tokens travel in the Authorization header, never in a cookie: no session for CSRF to ride on
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // no saved request to return to after a login: the gateway never sends anyone to one
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // answers preflight requests before any token is asked for
                .cors(Customizer.withDefaults())
                .authorizeExchange(auth -> auth
                        // the actuator on its own port (management.server.port, not exposed by the Ingress); on the
                        // API port only the probes' health groups (ProbesOnApiPort)
                        .matchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .pathMatchers(HttpMethod.GET, ProbesOnApiPort.PATHS).permitAll()
                        .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        // the web console's files (Console): it calls the API with the user's token
                        .pathMatchers(HttpMethod.GET, Console.PATHS).permitAll()
                        // the partner feed (PartnerFeed): an agency's partner system only
                        .pathMatchers(HttpMethod.GET, PartnerFeed.PATH).access(agencyAndAnyRole(List.of("feed-reader")))
                        // its webhooks (WebhookDeliveries; the rest routed to intel-service): the same partner system
                        .pathMatchers("/api/webhooks", "/api/webhooks/**").access(agencyAndAnyRole(List.of("feed-reader")))
                        .pathMatchers("/api/cases/**", "/api/intel/**", "/api/erasures/**", "/api/rectifications/**")
                                .access(agencyAndAnyRole(READERS))
                        .pathMatchers("/api/finance/**").access(agencyAndAnyRole(with("finance-officer")))
                        .pathMatchers("/api/chemicals/**").access(agencyAndAnyRole(with("chemical-officer")))
                        // checkpoints, proofs, exports and the global audit query: auditors, operators and the agencies'
                        // signing systems only (case-service decides which of them may read content)
                        .pathMatchers("/api/audit/**").access(agencyAndAnyRole(List.of("auditor", "platform-admin", "notary-signer")))
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> {
                            jwt.jwtAuthenticationConverter(keycloakRealmRoles());
                            decoders.ifAvailable(decoder -> jwt.jwtDecoder(new VerifiedTokens(decoder, Clock.systemUTC())));
                        })
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /**
     * A request the firewall refuses (an encoded slash, backslash, period, percent or NUL, a semicolon, a path not
     * normalised) gets a 400 problem saying why, instead of Spring Security's empty 400; it is never routed.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> problems.rejectedRequest(exchange, rejected.getMessage());
    }

    /**
     * No observation around each of Spring Security's web filters: the decorator that wraps them for it ran on every
     * request even with the observations switched off, for timers nobody reads.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, its header checks as loops (HeaderCharacters). */
    @Bean
    ServerWebExchangeFirewall exchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${jointops.cors.allowed-origins}") List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", CorrelationIdFilter.HEADER));
        cors.setExposedHeaders(List.of("Location", "ETag", CorrelationIdFilter.HEADER, CorrelationIdFilter.CLIENT_HEADER,
                "Retry-After"));
        // no cookies are used, so credentials stay off
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** Keycloak puts realm roles in {@code realm_access.roles}; they become {@code ROLE_<role>}. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> keycloakRealmRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfig::realmRoles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles.stream()
                    .filter(String.class::isInstance)
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
        }
        return List.of();
    }

    /** Every service needs the caller's agency, so a token without one is refused here already. */
    private static ReactiveAuthorizationManager<AuthorizationContext> agencyAndAnyRole(List<String> roles) {
        Set<String> accepted = roles.stream().map(role -> "ROLE_" + role).collect(Collectors.toSet());
        return (authentication, context) -> authentication
                .filter(auth -> auth.isAuthenticated() && auth instanceof JwtAuthenticationToken)
                .map(auth -> new AuthorizationDecision(hasAgency((JwtAuthenticationToken) auth)
                        && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(accepted::contains)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static boolean hasAgency(JwtAuthenticationToken token) {
        return token.getToken().getClaims().get("agency") instanceof String agency && !agency.isBlank();
    }

    private static List<String> with(String role) {
        return Stream.concat(Stream.of(role), READERS.stream()).toList();
    }
}
