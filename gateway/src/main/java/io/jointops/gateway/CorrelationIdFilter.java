package io.jointops.gateway;

import java.util.List;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Mints the correlation id of every request: a new UUID, never the caller's, because it lands in every event the
 * request causes (audit metadata {@code correlationId}) and auditors query by it; a caller who could choose it could
 * reuse another request's id and mix its events into that request's trail. The id goes to the service as
 * {@code X-Correlation-Id} (whatever the caller sent under that name is overwritten), back to the caller in the
 * response, and into the MDC of the gateway's own log lines.
 *
 * <p>The caller's own {@code X-Correlation-Id}, if any, is kept beside it as the client correlation id
 * ({@code X-Client-Correlation-Id} to the service and in the response, metadata {@code clientCorrelationId}), so a
 * client can still find its requests. It must be 1 to 64 of {@code A-Z a-z 0-9 . _ -} (no separators to forge log
 * fields or JSON with, no room to bloat every event): anything else, or the header twice, is refused with a 400
 * problem naming the header rather than silently dropped, so a client never believes an id was recorded that was
 * not. What a caller sends as {@code X-Client-Correlation-Id} itself is dropped: only the gateway sets it.
 *
 * <p>A {@link WebFilter} ahead of Spring Security rather than a gateway {@code GlobalFilter}, so that refusals made
 * before routing (400, 401, 403, 429) carry the id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    static final String HEADER = "X-Correlation-Id";
    static final String CLIENT_HEADER = "X-Client-Correlation-Id";
    static final String MDC_KEY = "correlationId";
    static final String CLIENT_MDC_KEY = "clientCorrelationId";
    static final int MAX_CLIENT_ID_LENGTH = 64;

    private final ProblemResponses problems;

    CorrelationIdFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        List<String> given = exchange.getRequest().getHeaders().get(HEADER);
        String clientId = null;
        if (given != null) {
            if (given.size() != 1 || !sane(given.get(0))) {
                return problems.invalidHeader(exchange, HEADER, "a client correlation id is one value of 1 to "
                        + MAX_CLIENT_ID_LENGTH + " letters, digits, '.', '_' or '-'");
            }
            clientId = given.get(0);
            exchange.getResponse().getHeaders().set(CLIENT_HEADER, clientId);
        }
        String client = clientId;
        // a service answers with the id it was given: the gateway's stands in its place rather than beside it (a
        // proxied answer's headers are added to the gateway's), so an answer carries one id
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            if (client != null) {
                exchange.getResponse().getHeaders().set(CLIENT_HEADER, client);
            }
            return Mono.empty();
        });
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.set(HEADER, id);
            if (client != null) {
                headers.set(CLIENT_HEADER, client);
            } else {
                headers.remove(CLIENT_HEADER);
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** A loop rather than a regular expression: it runs on every request. */
    static boolean sane(String value) {
        if (value.isEmpty() || value.length() > MAX_CLIENT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts the request's correlation id (and the client's, if it sent one) into the MDC for a log line of the
     * gateway's own, until closed. Explicit rather than Reactor's automatic context propagation, which restores
     * thread locals around every operator of every request and cost about a sixth of the gateway's throughput on a
     * proxied read.
     */
    static InLogs inLogs(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String clientId = headers.getFirst(CLIENT_HEADER);
        MDC.put(MDC_KEY, headers.getFirst(HEADER));
        if (clientId != null) {
            MDC.put(CLIENT_MDC_KEY, clientId);
        }
        return () -> {
            MDC.remove(MDC_KEY);
            MDC.remove(CLIENT_MDC_KEY);
        };
    }

    /** The MDC entries of {@link #inLogs}, removed on close. */
    interface InLogs extends AutoCloseable {
        @Override
        void close();
    }
}
