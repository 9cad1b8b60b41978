package io.jointops.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A body declared larger than the services accept (16 MB) is refused here with a 413 problem, before it is proxied:
 * a service that refuses it closes the connection while the gateway is still sending, and the gateway then saw a broken
 * connection (502) instead of the service's 413, depending on timing.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final long limit;
    private final ProblemResponses problems;

    RequestSizeLimit(@Value("${jointops.max-request-size:16MB}") DataSize limit, ProblemResponses problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        return length > limit ? problems.payloadTooLarge(exchange, length, limit) : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
