package io.jointops.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Logs a request still unanswered after a threshold (10 s), and once more when it ends, with how far it got: before
 * routing (authentication, rate limit), routed and waiting for the service, or answered by the service and still
 * being written. A proxied call is bounded by the route's response timeout, so a request that stays longer is stuck
 * in the gateway itself, and without this line nothing would say so: the gateway logs no request otherwise (an
 * access log for every request would cost its share of throughput). Server-sent event streams are long by design
 * and not watched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after CorrelationIdFilter: the request carries its correlation id
class SlowRequests implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(SlowRequests.class);

    private final Duration threshold;

    /** @param threshold longer than any answer the gateway gives in normal work, shorter than a client's patience */
    SlowRequests(@Value("${jointops.slow-request-threshold:10s}") Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> "event-stream".equals(type.getSubtype()))) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        Disposable watch = Schedulers.parallel().schedule(() -> report(exchange, started, "not answered yet", null),
                threshold.toMillis(), TimeUnit.MILLISECONDS);
        return chain.filter(exchange).doFinally(signal -> {
            watch.dispose();
            if (System.nanoTime() - started >= threshold.toNanos()) {
                report(exchange, started, "ended", signal.toString());
            }
        });
    }

    private static void report(ServerWebExchange exchange, long started, String what, String signal) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String stage = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null
                ? "service answered" : route != null ? "routed" : "before routing";
        HttpHeaders headers = exchange.getRequest().getHeaders();
        try (CorrelationIdFilter.InLogs ignored = CorrelationIdFilter.inLogs(exchange)) {
            LoggingEventBuilder line = log.atWarn()
                    .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                    .addKeyValue("url.path", exchange.getRequest().getPath().value())
                    .addKeyValue("gateway.route", route == null ? null : route.getId())
                    .addKeyValue("gateway.stage", stage)
                    .addKeyValue("http.request.body.present", headers.getContentLength() > 0
                            || headers.containsKey(HttpHeaders.TRANSFER_ENCODING));
            if (exchange.getResponse().isCommitted() && exchange.getResponse().getStatusCode() != null) {
                line = line.addKeyValue("http.response.status_code", exchange.getResponse().getStatusCode().value());
            }
            if (signal != null) {
                line = line.addKeyValue("reactor.signal", signal);
            }
            line                    .log("slow request {}: {} {} after {} ms, stage {}", what, exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath().value(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), stage);
        }
    }
}
