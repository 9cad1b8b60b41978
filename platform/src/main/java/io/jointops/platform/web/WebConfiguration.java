package io.jointops.platform.web;

import io.jointops.platform.openapi.ApiDocuments;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

@AutoConfiguration(before = WebMvcAutoConfiguration.class) // our problem handler replaces Boot's
@Import({ProblemResponses.class, DatabaseUnavailable.class, ApiDocuments.class})
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Every API body bounded, chunked ones too: {@code jointops.max-request-size} (a service's own, e.g. finance's bulk
     * imports; the platform's default otherwise). Before Spring Security, so an oversized declared body is refused
     * unread; not on the command bus paths, which are no part of the API.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${jointops.max-request-size}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Boot adds every Jackson module bean to the application's ObjectMapper. */
    @Bean
    com.fasterxml.jackson.databind.Module noNulInText() {
        return NoNulInText.module();
    }

    /**
     * A keyed create's request hash goes from its command into the events the command stores, so the item keeps it
     * (IdempotencyKey). Only from commands: a command an event handler sends in reaction is no retry of that request.
     */
    @Bean
    CorrelationDataProvider idempotentRequestHash() {
        return message -> message instanceof CommandMessage<?> && message.getMetaData().get(IdempotencyKey.REQUEST_HASH)
                instanceof String hash ? Map.of(IdempotencyKey.REQUEST_HASH, hash) : Map.of();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
