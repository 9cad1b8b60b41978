package io.jointops.platform.web;

import io.jointops.platform.openapi.ApiDocuments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@AutoConfiguration(before = WebMvcAutoConfiguration.class) // our problem handler replaces Boot's
@Import({ProblemResponses.class, DatabaseUnavailable.class, ApiDocuments.class})
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Boot adds every Jackson module bean to the application's ObjectMapper. */
    @Bean
    com.fasterxml.jackson.databind.Module noNulInText() {
        return NoNulInText.module();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
