package io.jointops.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * A service that is down or too slow is the platform's condition, not a server bug: answer 503 (with Retry-After) or
 * 504 as problems, instead of the framework's 500.
 */
@Component
@Order(-2) // before Boot's error handler (-1)
class UpstreamFailures implements WebExceptionHandler {

    private final ProblemResponses problems;

    UpstreamFailures(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return problems.upstreamUnavailable(exchange);
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return problems.upstreamTimeout(exchange);
            }
        }
        return Mono.error(failure);
    }
}
