package io.jointops.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.DisposableBean;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
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
class SlowRequests implements WebFilter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlowRequests.class);

    private final long thresholdNanos;
    /**
     * The requests in flight, looked over by one thread a few times per threshold: a map entry per request costs the
     * event loops less than a timer each (a scheduled task per request was 1.5 % of the gateway's CPU on gets).
     */
    private final Map<ServerWebExchange, Watched> inFlight = new ConcurrentHashMap<>();
    private final Scheduler sweeper = Schedulers.newSingle("slow-requests", true);

    /** @param threshold longer than any answer the gateway gives in normal work, shorter than a client's patience */
    SlowRequests(@Value("${jointops.slow-request-threshold:10s}") Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
        long period = Math.min(Math.max(threshold.toMillis() / 2, 50), 1_000);
        sweeper.schedulePeriodically(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("event-stream")) {
            return chain.filter(exchange);
        }
        Watched watched = new Watched(System.nanoTime());
        inFlight.put(exchange, watched);
        return chain.filter(exchange).doFinally(signal -> {
            inFlight.remove(exchange);
            if (System.nanoTime() - watched.started >= thresholdNanos) {
                report(exchange, watched.started, "ended", signal.toString());
            }
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        inFlight.forEach((exchange, watched) -> {
            if (!watched.reported && now - watched.started >= thresholdNanos) {
                watched.reported = true;
                report(exchange, watched.started, "not answered yet", null);
            }
        });
    }

    @Override
    public void destroy() {
        sweeper.dispose();
    }

    private static final class Watched {
        final long started;
        /** Only the sweeping thread reads and writes it. */
        boolean reported;

        Watched(long started) {
            this.started = started;
        }
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
            line.log("slow request {}: {} {} after {} ms, stage {}", what, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    stage);
        }
    }
}
