package io.jointops.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A body larger than the services accept (16 MB) is refused here with a 413 problem. One declared larger
 * ({@code Content-Length}) is refused before it is proxied: a service that refuses it closes the connection while the
 * gateway is still sending, and the gateway then saw a broken connection (502) instead of the service's 413,
 * depending on timing. A chunked body declares no length: its bytes are counted as they stream through to the
 * service, and the first byte over the limit ends the request with {@link BodyTooLarge} (Failures answers 413), so
 * the service never receives a complete request and the gateway never holds more than a buffer of it.
 * <p>
 * An evidence upload ({@code POST /api/.../evidence}: a file streamed as the body) may be as large as the largest
 * evidence file a service takes ({@code jointops.evidence.max-upload-size}, 50 MB; the services' own limits per type
 * are lower or equal), counted the same way: the gateway streams it through, it never holds it.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final long defaultLimit;
    private final long uploadLimit;
    private final ProblemResponses problems;

    RequestSizeLimit(@Value("${jointops.max-request-size:16MB}") DataSize limit,
                     @Value("${jointops.evidence.max-upload-size:50MB}") DataSize uploadLimit,
                     ProblemResponses problems) {
        this.defaultLimit = limit.toBytes();
        this.uploadLimit = Math.max(defaultLimit, uploadLimit.toBytes());
        this.problems = problems;
    }

    /** An evidence upload: a POST to an item's {@code /evidence} under the API. */
    static boolean isEvidenceUpload(ServerHttpRequest request) {
        String path = request.getPath().value();
        return HttpMethod.POST.equals(request.getMethod()) && path.startsWith("/api/") && path.endsWith("/evidence");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = isEvidenceUpload(exchange.getRequest()) ? uploadLimit : defaultLimit;
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length > limit) {
            return problems.payloadTooLarge(exchange, length, limit);
        }
        // with a Content-Length, Netty reads exactly that many bytes as the body; without one and without
        // Transfer-Encoding, an HTTP/1.1 request has no body at all
        if (length >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Counted(exchange.getRequest(), limit)).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** A request whose body fails with {@link BodyTooLarge} once more than {@code limit} bytes came. */
    private static final class Counted extends ServerHttpRequestDecorator {

        private final long limit;

        Counted(ServerHttpRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }

    /** A chunked body went over the limit while it streamed. */
    static final class BodyTooLarge extends RuntimeException {

        private final long limit;

        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
