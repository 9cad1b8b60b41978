package io.jointops.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own refusals (400, 401, 403, 404, 413, 429, 502-504) and its own endpoints' problems (the
 * partner feed's, {@link #answer}) as RFC 9457 problem documents, so a client handles them like the services'
 * errors; bad input names its field in {@code errors[]} as the services do.
 * Details stay generic: why a token failed is logged by Spring Security, not told to the caller.
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
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, rateLimited(retryAfterSeconds));
    }

    /** The same 429 for the gateway's own handlers (the feed, the webhooks' deliveries). */
    Mono<ServerResponse> tooManyRequests(ServerRequest request, long retryAfterSeconds) {
        return answer(request, HttpStatus.TOO_MANY_REQUESTS, rateLimited(retryAfterSeconds), null, retryAfterSeconds);
    }

    private static String rateLimited(long retryAfterSeconds) {
        return "Rate limit exceeded for this client and user; retry after " + retryAfterSeconds + " s.";
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

    /** {@code length} is the declared length, or -1 for a chunked body found too long while it streamed. */
    Mono<Void> payloadTooLarge(ServerWebExchange exchange, long length, long limit) {
        // the rest of the body is not read: the connection cannot be reused
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        String size = length >= 0 ? "is " + length + " bytes" : "is longer than that";
        return write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "The request body " + size + "; at most " + limit
                + " bytes are accepted.");
    }

    /** A header the gateway reads itself is malformed: 400 naming it. */
    Mono<Void> invalidHeader(ServerWebExchange exchange, String header, String reason) {
        return write(exchange, HttpStatus.BAD_REQUEST, header + ": " + reason,
                List.of(Map.of("field", header, "detail", reason)));
    }

    /**
     * Spring Security's firewall refused the request: an encoded slash, backslash, period or percent sign, a NUL, a
     * semicolon, an empty or relative path segment, or a method outside the standard ones. Its reason names which;
     * the request is never routed.
     */
    Mono<Void> rejectedRequest(ServerWebExchange exchange, String reason) {
        return write(exchange, HttpStatus.BAD_REQUEST, reason + ". Paths must be plain and normalised: no encoded"
                + " '/', '\\', '.', '%' or NUL, no ';', no empty, '.' or '..' segments.");
    }

    /** Nothing the gateway serves or routes answers this path (or this method on it). */
    Mono<Void> status(ServerWebExchange exchange, HttpStatusCode status) {
        String detail = status.value() == HttpStatus.NOT_FOUND.value()
                ? "No API route or gateway endpoint matches this path."
                : "The gateway refused this request (" + status.value() + ").";
        return write(exchange, status, detail);
    }

    Mono<Void> upstreamTimeout(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The service behind this path did not answer in time.");
    }

    /**
     * A problem answered by one of the gateway's own endpoints (the partner feed), the same document as the refusals
     * above; {@code errors} names the fields at fault (or is null), {@code retryAfterSeconds} is sent when positive.
     */
    Mono<ServerResponse> answer(ServerRequest request, HttpStatusCode status, String detail,
                                List<Map<String, String>> errors, long retryAfterSeconds) {
        ServerResponse.BodyBuilder answer = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return answer.bodyValue(body(objectMapper, status, detail, request.path(), errors));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, detail, null);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
                             List<Map<String, String>> errors) {
        byte[] body = body(objectMapper, status, detail, exchange.getRequest().getPath().value(), errors);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * A problem document's bytes; also for the answers written below Spring (UndecodableRequests), which have no
     * exchange. {@code instance} and {@code errors} are left out when null.
     */
    static byte[] body(ObjectMapper objectMapper, HttpStatusCode status, String detail, String instance,
                       List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (errors != null) {
            problem.put("errors", errors);
        }
        try {
            return objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
