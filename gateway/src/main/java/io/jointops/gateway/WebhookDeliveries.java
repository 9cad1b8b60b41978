package io.jointops.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A webhook's deliveries, {@code GET /api/webhooks/{id}/deliveries?status=&limit=}: newest first, each with its status
 * (PENDING, RETRYING, DELIVERED, DEAD: dead-lettered, SKIPPED: not shown to the agency any more), attempts and last
 * answer. Each service makes the deliveries of its own part of the agency's feed and keeps them
 * ({@code /internal/webhooks/{id}/deliveries}, platform {@code webhook}), deciding from the caller's token passed on
 * whether the webhook is the caller's agency's; the gateway reads the four lists and merges them by creation time,
 * as it merges the feed ({@link PartnerFeed}): services never call each other. The rest of {@code /api/webhooks}
 * is routed to intel-service, which keeps the registrations.
 * <p>
 * A webhook no service knows for the caller's agency is a 404 (another agency's, a forged id); one that a service has
 * not learnt of yet (within a second of its registration) has no deliveries there yet.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveries {

    static final String PATH = "/api/webhooks/{webhookId}/deliveries";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final Set<String> STATUSES = Set.of("PENDING", "RETRYING", "DELIVERED", "DEAD", "SKIPPED");

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final List<String> services;
    private final WebClient web;
    private final ObjectMapper json;
    private final ProblemResponses problems;
    private final RateLimitFilter rateLimit;

    WebhookDeliveries(@Value("${jointops.routes.cases}") String cases, @Value("${jointops.routes.intel}") String intel,
                      @Value("${jointops.routes.finance}") String finance,
                      @Value("${jointops.routes.chemicals}") String chemicals,
                      WebClient.Builder web, ObjectMapper json, ProblemResponses problems, RateLimitFilter rateLimit) {
        this.services = List.of(cases, intel, finance, chemicals); // FeedCursor.CONTEXTS' order
        this.web = web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        this.json = json;
        this.problems = problems;
        this.rateLimit = rateLimit;
    }

    @Bean
    RouterFunction<ServerResponse> webhookDeliveriesRoute() {
        return RouterFunctions.route(RequestPredicates.GET(PATH), this::deliveries);
    }

    /** One service's answer: its deliveries, or its status when it had none to give (404: no such webhook there). */
    record Part(int status, List<JsonNode> deliveries) {
    }

    Mono<ServerResponse> deliveries(ServerRequest request) {
        return request.principal().cast(JwtAuthenticationToken.class)
                .flatMap(authentication -> deliveries(request, authentication.getToken()));
    }

    private Mono<ServerResponse> deliveries(ServerRequest request, Jwt token) {
        long retryAfter = rateLimit.take(token, "webhook-deliveries", request.exchange());
        if (retryAfter > 0) {
            return problems.tooManyRequests(request, retryAfter);
        }
        String webhookId = request.pathVariable("webhookId");
        String limitGiven = request.queryParam("limit").orElse(null);
        int limit;
        try {
            limit = limitGiven == null ? DEFAULT_LIMIT : Integer.parseInt(limitGiven);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return invalid(request, "limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        String status = request.queryParam("status").map(given -> given.toUpperCase(Locale.ROOT)).orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            return invalid(request, "status", "must be one of " + STATUSES.stream().sorted().toList());
        }
        PartnerFeed.Reader reader = new PartnerFeed.Reader(request, token.getClaimAsString("agency"));
        int size = limit;
        return Flux.range(0, services.size())
                .flatMapSequential(i -> part(reader, i, webhookId, status, size))
                .collectList()
                .flatMap(parts -> answer(request, parts, size));
    }

    private Mono<ServerResponse> answer(ServerRequest request, List<Part> parts, int limit) {
        if (parts.stream().anyMatch(part -> part.status() == HttpStatus.UNAUTHORIZED.value())) {
            return problems.answer(request, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.", null, 0);
        }
        if (parts.stream().anyMatch(part -> part.status() == HttpStatus.FORBIDDEN.value())) {
            return problems.answer(request, HttpStatus.FORBIDDEN,
                    "The token's roles or agency do not allow access to this resource.", null, 0);
        }
        if (parts.stream().anyMatch(part -> part.status() != HttpStatus.OK.value()
                && part.status() != HttpStatus.NOT_FOUND.value())) {
            return problems.answer(request, HttpStatus.SERVICE_UNAVAILABLE,
                    "Not every service's deliveries could be read right now; retry.", null, 5);
        }
        if (parts.stream().allMatch(part -> part.status() == HttpStatus.NOT_FOUND.value())) {
            return problems.answer(request, HttpStatus.NOT_FOUND,
                    "No webhook '" + request.pathVariable("webhookId") + "' is yours.", null, 0);
        }
        List<JsonNode> merged = new ArrayList<>();
        parts.forEach(part -> merged.addAll(part.deliveries()));
        merged.sort(Comparator.comparing((JsonNode delivery) -> Instant.parse(delivery.path("createdAt").asText()))
                .reversed().thenComparing(delivery -> delivery.path("id").asText()));
        ObjectNode body = json.createObjectNode();
        body.putArray("deliveries").addAll(merged.subList(0, Math.min(limit, merged.size())));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").bodyValue(body);
    }

    private Mono<Part> part(PartnerFeed.Reader reader, int index, String webhookId, String status, int limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(services.get(index))
                .path("/internal/webhooks/{webhookId}/deliveries").queryParam("limit", limit);
        if (status != null) {
            uri.queryParam("status", status);
        }
        return web.get()
                .uri(uri.buildAndExpand(webhookId).encode().toUri())
                .headers(reader::passOn)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(JsonNode.class).map(body -> {
                    List<JsonNode> deliveries = new ArrayList<>();
                    body.path("deliveries").forEach(deliveries::add);
                    return new Part(HttpStatus.OK.value(), deliveries);
                })
                        : response.releaseBody().thenReturn(new Part(response.statusCode().value(), List.of())))
                .onErrorResume(failure -> {
                    try (var correlated = CorrelationIdFilter.inLogs(reader.request().exchange())) {
                        log.warn("Webhook deliveries of {}: the {} part failed: {}", webhookId,
                                FeedCursor.CONTEXTS.get(index), failure.toString());
                    }
                    return Mono.just(new Part(0, List.of()));
                });
    }

    private Mono<ServerResponse> invalid(ServerRequest request, String field, String reason) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, field + ": " + reason,
                List.of(Map.of("field", field, "detail", reason)), 0);
    }
}
