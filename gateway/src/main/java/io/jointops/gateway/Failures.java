package io.jointops.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * What fails on the way through the gateway becomes a problem instead of the framework's error JSON or 500: no route
 * for the path (404) or another status Spring WebFlux raised; a chunked body found too long while it streamed (413,
 * RequestSizeLimit); a service that is down, too slow or gone mid-request, which is the platform's condition, not a
 * server bug (503 with Retry-After, 504, 502).
 */
@Component
@Order(-2) // before Boot's error handler (-1)
class Failures implements WebExceptionHandler {

    private final ProblemResponses problems;

    Failures(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return problems.payloadTooLarge(exchange, -1, tooLarge.limit());
            }
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
        if (failure instanceof ResponseStatusException status) {
            // e.g. no route (404), a gateway endpoint called with another method (405 and its Allow header)
            exchange.getResponse().getHeaders().addAll(status.getHeaders());
            return problems.status(exchange, status.getStatusCode());
        }
        return Mono.error(failure);
    }
}
