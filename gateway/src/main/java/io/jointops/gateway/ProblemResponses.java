package io.jointops.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own refusals (401, 403, 429) as RFC 9457 problem documents, so a client
 * handles them like the services' errors. Details stay generic: why a token failed is logged by
 * Spring Security, not told to the caller.
 */
@Component
class ProblemResponses {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        // RFC 6750: name the scheme, and say "invalid_token" only when a token was actually sent
        String challenge = failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
    }

    Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN,
                "The token's roles or agency do not allow access to this resource.");
    }

    Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit exceeded for this client and user; retry after " + retryAfterSeconds + " s.");
    }

    Mono<Void> upstreamUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The service behind this path is not reachable right now; retry shortly.");
    }

    /** Whether the service carried the request out is unknown: 502, and a client retries only what it may repeat. */
    Mono<Void> upstreamBroke(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return write(exchange, HttpStatus.BAD_GATEWAY, "The service behind this path closed the connection before"
                + " answering; the request may or may not have been carried out. Retry with the same Idempotency-Key.");
    }

    Mono<Void> payloadTooLarge(ServerWebExchange exchange, long length, long limit) {
        // the rest of the body is not read: the connection cannot be reused
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is " + length + " bytes; at most "
                + limit + " bytes are accepted.");
    }

    Mono<Void> upstreamTimeout(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The service behind this path did not answer in time.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
