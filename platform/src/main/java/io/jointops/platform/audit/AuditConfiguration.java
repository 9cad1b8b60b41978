package io.jointops.platform.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

@AutoConfiguration(before = AxonAutoConfiguration.class)
public class AuditConfiguration {

    /** Actor, agency, roles, correlation and trace ids flow from a command to its events and onwards. */
    @Bean
    CorrelationDataProvider auditMetadataPropagation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.PROPAGATED.toArray(String[]::new));
    }

    /** Every message produced while handling another names it as its cause. */
    @Bean
    CorrelationDataProvider causation() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
            if (!message.getMetaData().containsKey(AuditMetadata.TRACE_ID)) {
                data.put(AuditMetadata.TRACE_ID, message.getIdentifier());
            }
            return data;
        };
    }

    /**
     * Commands sent from a web request carry the caller as the token states it and the request's correlation ids.
     * Commands sent by event handlers already inherit both from the event that caused them.
     */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> callerMetadata() {
        return messages -> (index, command) -> {
            Map<String, Object> metaData = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken jwt) {
                metaData.put(AuditMetadata.ACTOR_ID, jwt.getToken().getSubject());
                metaData.put(AuditMetadata.ACTOR, jwt.getToken().getClaimAsString("preferred_username"));
                metaData.put(AuditMetadata.AGENCY, jwt.getToken().getClaimAsString("agency"));
                metaData.put(AuditMetadata.ROLES, jwt.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith("ROLE_"))
                        .map(authority -> authority.substring("ROLE_".length()))
                        .sorted()
                        .collect(Collectors.joining(",")));
            }
            if (!command.getMetaData().containsKey(AuditMetadata.CORRELATION_ID)) {
                metaData.putAll(AuditMetadata.ofRequest());
            }
            metaData.values().removeIf(java.util.Objects::isNull);
            return command.andMetaData(metaData);
        };
    }
}
