package io.jointops.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * A service that is down, too slow or gone mid-request is the platform's condition, not a server bug: answer 503
 * (with Retry-After), 504 or 502 as problems, instead of the framework's 500.
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
        // the connection to the service broke before its answer (the service killed or restarting mid-request:
        // "Connection prematurely closed BEFORE response", "Connection reset by peer")
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return problems.upstreamBroke(exchange);
            }
        }
        return Mono.error(failure);
    }
}
