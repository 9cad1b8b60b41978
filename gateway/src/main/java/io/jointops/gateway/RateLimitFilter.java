package io.jointops.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * In-memory token bucket per client ({@code azp}) and user ({@code sub}) on every routed request.
 * It runs after Spring Security, so requests without a valid token never reach it. The few
 * anonymous routes (the OpenAPI documents) share a bucket per remote address.
 *
 * <p>Each gateway replica counts on its own: with n replicas a caller gets up to n times the limit.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String REJECTIONS = "jointops.gateway.rate_limited";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties limits;
    private final ProblemResponses problems;
    private final MeterRegistry meters;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties limits, ProblemResponses problems, MeterRegistry meters) {
        this.limits = limits;
        this.problems = problems;
        this.meters = meters;
        // an idle bucket is full again after timeToFull(), the same as a new one, so dropping it
        // then forgets nothing; the size cap bounds memory even under a flood of distinct users
        Duration idle = limits.timeToFull().compareTo(Duration.ofMinutes(1)) > 0 ? limits.timeToFull() : Duration.ofMinutes(1);
        this.buckets = Caffeine.newBuilder().executor(Runnable::run).expireAfterAccess(idle).maximumSize(100_000)
                .build();
    }

    @Override
    public int getOrder() {
        // early among the gateway filters: a refused request should cost as little as possible
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> clientAndUser(((JwtAuthenticationToken) principal).getToken()))
                .switchIfEmpty(Mono.fromSupplier(() -> remoteAddress(exchange)))
                .flatMap(key -> {
                    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                    long retryAfter = take(key, route != null ? route.getId() : "unknown", exchange);
                    return retryAfter == 0 ? chain.filter(exchange) : problems.tooManyRequests(exchange, retryAfter);
                });
    }

    /**
     * The gateway's own endpoints (the partner feed), which are no route, count in the same bucket as the caller's
     * routed requests: 0 if the caller may go on, else the seconds until it may (answered 429 with Retry-After).
     */
    long take(Jwt token, String endpoint, ServerWebExchange exchange) {
        return take(clientAndUser(token), endpoint, exchange);
    }

    private long take(String key, String routeId, ServerWebExchange exchange) {
        ConsumptionProbe probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : refused(exchange, probe, routeId);
    }

    private long refused(ServerWebExchange exchange, ConsumptionProbe probe, String routeId) {
        Counter.builder(REJECTIONS)
                .description("Requests refused with 429 by the gateway's rate limit")
                .tag("route", routeId)
                .register(meters)
                .increment();
        // Retry-After is in whole seconds; round up so a client that obeys it finds a token
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        // debug only: under a flood the counter is the signal, not one line per refusal
        try (var correlated = CorrelationIdFilter.inLogs(exchange)) {
            log.debug("Rate limit exceeded on route {}, retry after {} s", routeId, seconds);
        }
        return seconds;
    }

    private Bucket newBucket(String key) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.capacity()).refillGreedy(limits.refillTokens(), limits.refillPeriod()))
                .build();
    }

    private static String clientAndUser(Jwt token) {
        return "jwt:" + token.getClaimAsString("azp") + ":" + token.getSubject();
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown");
    }
}
