package io.jointops.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import io.jointops.platform.openapi.ApiDocuments;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

// our problem handler and error page replace Boot's
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class})
@Import({ProblemResponses.class, DatabaseUnavailable.class, ProblemErrorController.class, ApiDocuments.class})
public class WebConfiguration implements WebMvcConfigurer {

    /** JSON bodies sent with their length, not chunked ({@link SizedJsonConverter}); Boot's converter steps aside. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new SizedJsonConverter(objectMapper);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Every API body bounded, chunked ones too: {@code jointops.max-request-size} (a service's own, e.g. finance's bulk
     * imports; the platform's default otherwise), an evidence upload by {@code jointops.evidence.max-upload-size}.
     * Before Spring Security, so an oversized declared body is refused unread; not on the command bus paths, which are
     * no part of the API.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${jointops.max-request-size}") DataSize maxRequestSize,
            @Value("${jointops.evidence.max-upload-size}") DataSize maxUploadSize) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(maxRequestSize.toBytes(), maxUploadSize.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * A request Spring Security's firewall refuses (an encoded slash or backslash, {@code ;} parameters, dot segments,
     * a NUL, a header it does not take) is a 400 problem, written at once: Spring Security's default would send the
     * error to {@code /error}, which answers an unauthenticated request 401.
     */
    @Bean
    RequestRejectedHandler requestRejectedProblems() {
        return (request, response, rejected) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request's path or "
                    + "headers are not accepted (e.g. an encoded slash or backslash, ';' parameters, '..' or '//' "
                    + "segments, a NUL or control character).");
            problem.setTitle("Request rejected");
            ProblemResponses.write(request, response, problem);
        };
    }

    /**
     * Tomcat as the problems need it: an encoded slash or backslash is passed on (still encoded) rather than refused
     * by Tomcat with its HTML page, so the firewall refuses it with a problem (above); what Tomcat refuses itself is
     * answered by {@link ProblemErrorReportValve} in place of Tomcat's HTML error page (and of the one Boot adds).
     * Ordered last, so that Boot's own customizer has added its valve when ours replaces it. Also the connector's
     * protocol (NIO2, below).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatProblems() {
        return new OrderedTomcatCustomizer();
    }

    private static final class OrderedTomcatCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // NIO2: a request is read and handled on one pool thread, without NIO's hand-off from the poller thread;
            // beside the launcher's platform, case-service spent 0.24-0.26 ms of CPU per get against 0.29-0.31
            // (docs/performance.md, sixteenth session)
            factory.setProtocol(Http11Nio2Protocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    // the host adds an error report valve of this class at start unless it has one already
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
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
