package io.jointops.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The partner feed, {@code GET /api/feed?after=<cursor>&limit=<n>}: every event of every item the caller's agency
 * sees, from the four services, in one order, as JSON ({@code events}, {@code next}) or, asked for
 * {@code text/event-stream}, as server-sent events that go on as events happen (each event's {@code id} is the cursor
 * after it, so a reconnecting client's {@code Last-Event-ID} resumes there; a comment every
 * {@code jointops.feed.keep-alive} keeps idle connections open).
 * <p>
 * Each service serves its own part of the feed ({@code /internal/feed}, platform {@code feed}) and decides there, from
 * the caller's token passed on, what the agency sees and how (its context's visibility policy); the gateway only reads
 * the four parts, merges them by the time each service recorded the event ({@link FeedMerge}) and seals the
 * positions into an opaque cursor ({@link FeedCursor}). It reads no event's content: services never call each other,
 * and no service holds another's policy. A part that cannot be read fails the page (503, nothing skipped: the same
 * cursor reads it again) or ends the stream (the client reconnects with its last event's id).
 */
@Configuration(proxyBeanMethods = false)
class PartnerFeed {

    static final String PATH = "/api/feed";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private static final Logger log = LoggerFactory.getLogger(PartnerFeed.class);
    private static final String SERVICE_PATH = "/internal/feed";

    private final List<String> services;
    private final FeedCursor cursors;
    private final WebClient web;
    private final ObjectMapper json;
    private final ProblemResponses problems;
    private final RateLimitFilter rateLimit;
    private final Duration longPoll;
    private final Duration keepAlive;

    /**
     * @param longPoll  how long a stream waits in the services for news before it asks again (at most 30 s, the
     *                  services' limit)
     * @param keepAlive how often an idle stream sends a comment, so that proxies keep it open
     */
    PartnerFeed(@Value("${jointops.routes.cases}") String cases, @Value("${jointops.routes.intel}") String intel,
                @Value("${jointops.routes.finance}") String finance,
                @Value("${jointops.routes.chemicals}") String chemicals,
                @Value("${jointops.feed.cursor-key:}") String cursorKey,
                @Value("${jointops.feed.long-poll:25s}") Duration longPoll,
                @Value("${jointops.feed.keep-alive:15s}") Duration keepAlive,
                WebClient.Builder web, ObjectMapper json, ProblemResponses problems, RateLimitFilter rateLimit) {
        this.services = List.of(cases, intel, finance, chemicals); // FeedCursor.CONTEXTS' order
        this.cursors = new FeedCursor(cursorKey);
        this.longPoll = longPoll;
        this.keepAlive = keepAlive;
        this.web = web.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .responseTimeout(longPoll.plusSeconds(15))))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
        this.json = json;
        this.problems = problems;
        this.rateLimit = rateLimit;
    }

    @Bean
    RouterFunction<ServerResponse> partnerFeedRoute() {
        return RouterFunctions.route(RequestPredicates.GET(PATH), this::feed);
    }

    /** A merged page: the events taken, each with the cursor after it, and the cursor after the page. */
    record Page(List<FeedMerge.Taken> taken, long[] next) {
    }

    /** A service's part could not be read: its status (0 when it did not answer), for the caller's problem. */
    static final class PartFailed extends RuntimeException {
        final String context;
        final int status;

        PartFailed(String context, int status, Throwable cause) {
            super("the " + context + " part of the feed failed" + (status > 0 ? " with " + status : ""), cause);
            this.context = context;
            this.status = status;
        }
    }

    Mono<ServerResponse> feed(ServerRequest request) {
        return request.principal().cast(JwtAuthenticationToken.class)
                .flatMap(authentication -> feed(request, authentication.getToken()));
    }

    private Mono<ServerResponse> feed(ServerRequest request, Jwt token) {
        long retryAfter = rateLimit.take(token, "feed", request.exchange());
        if (retryAfter > 0) {
            return problems.tooManyRequests(request, retryAfter);
        }
        String agency = token.getClaimAsString("agency");
        boolean stream = request.headers().accept().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("event-stream"));
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
        String lastEventId = stream ? request.headers().firstHeader(LAST_EVENT_ID) : null;
        String field = lastEventId != null ? LAST_EVENT_ID : "after";
        String given = lastEventId != null ? lastEventId : request.queryParam("after").orElse(null);
        long[] after;
        try {
            after = given == null ? FeedCursor.start() : cursors.open(agency, given);
        } catch (FeedCursor.Invalid invalid) {
            return invalid(request, field, "must be a cursor this feed gave your agency (" + invalid.getMessage() + ")");
        }
        Reader reader = new Reader(request, agency);
        int size = limit;
        Mono<ServerResponse> answer = stream ? stream(reader, after, size) : page(reader, after, size)
                .flatMap(page -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .bodyValue(body(reader, page)));
        return answer.onErrorResume(PartFailed.class, failed -> failure(request, failed));
    }

    /** The first page is read before the stream starts, so a failure then is a problem; later ones end the stream. */
    private Mono<ServerResponse> stream(Reader reader, long[] after, int limit) {
        return page(reader, after, limit).flatMap(first -> {
            Flux<ServerSentEvent<String>> events = Mono.just(first)
                    .expand(previous -> previous.taken().size() < limit
                            ? news(reader, previous.next()).then(page(reader, previous.next(), limit))
                            : page(reader, previous.next(), limit))
                    .concatMapIterable(page -> events(reader, page))
                    .doOnError(failure -> {
                        try (var correlated = CorrelationIdFilter.inLogs(reader.request().exchange())) {
                            log.info("Partner feed stream of {} ended: {}", reader.agency(), failure.getMessage());
                        }
                    });
            Flux<ServerSentEvent<String>> alive = Flux.interval(keepAlive)
                    .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(BodyInserters.fromServerSentEvents(Flux.merge(events, alive)));
        });
    }

    /** The page's events as server-sent events, each with the cursor after it as its id. */
    private List<ServerSentEvent<String>> events(Reader reader, Page page) {
        List<ServerSentEvent<String>> events = new ArrayList<>();
        for (int i = 0; i < page.taken().size(); i++) {
            FeedMerge.Taken taken = page.taken().get(i);
            long[] cursor = i == page.taken().size() - 1 ? page.next() : taken.cursor();
            events.add(ServerSentEvent.builder(taken.event().toString()).id(cursors.seal(reader.agency(), cursor)).build());
        }
        return events;
    }

    /** Completes once a service has news after {@code cursor}, or all have waited a long poll without any. */
    private Mono<Void> news(Reader reader, long[] cursor) {
        return Flux.range(0, services.size())
                .flatMap(i -> part(reader, i, cursor[i], 1, longPoll.toSeconds()))
                .filter(part -> !part.entries().isEmpty())
                .next()
                .then();
    }

    /** Up to {@code limit} events after {@code after}, merged from the four services' pages. */
    private Mono<Page> page(Reader reader, long[] after, int limit) {
        return Flux.range(0, services.size())
                .flatMapSequential(i -> part(reader, i, after[i], limit, 0))
                .collectList()
                .map(parts -> {
                    List<FeedMerge.Taken> taken = FeedMerge.merge(parts, after, limit);
                    return new Page(taken, FeedMerge.next(parts, after, taken));
                });
    }

    private Mono<FeedMerge.Part> part(Reader reader, int index, long after, int limit, long waitSeconds) {
        String context = FeedCursor.CONTEXTS.get(index);
        return web.get()
                .uri(services.get(index) + SERVICE_PATH + "?after={after}&limit={limit}&wait={wait}",
                        after, limit, waitSeconds)
                .headers(reader::passOn)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(JsonNode.class).map(PartnerFeed::part)
                        : response.releaseBody().then(Mono.error(
                        new PartFailed(context, response.statusCode().value(), null))))
                .onErrorMap(failure -> !(failure instanceof PartFailed), failure -> new PartFailed(context, 0, failure));
    }

    private static FeedMerge.Part part(JsonNode page) {
        List<FeedMerge.Entry> entries = new ArrayList<>();
        for (JsonNode entry : page.path("entries")) {
            JsonNode event = entry.path("event");
            entries.add(new FeedMerge.Entry(entry.path("position").asLong(),
                    Instant.parse(event.path("recordedAt").asText()), event));
        }
        return new FeedMerge.Part(entries, page.path("last").asLong());
    }

    private ObjectNode body(Reader reader, Page page) {
        ObjectNode body = json.createObjectNode();
        ArrayNode events = body.putArray("events");
        page.taken().forEach(taken -> events.add(taken.event()));
        body.put("next", cursors.seal(reader.agency(), page.next()));
        return body;
    }

    private Mono<ServerResponse> failure(ServerRequest request, PartFailed failed) {
        if (failed.status == HttpStatus.UNAUTHORIZED.value()) {
            return problems.answer(request, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.", null, 0);
        }
        if (failed.status == HttpStatus.FORBIDDEN.value()) {
            return problems.answer(request, HttpStatus.FORBIDDEN,
                    "The token's roles or agency do not allow access to this resource.", null, 0);
        }
        try (var correlated = CorrelationIdFilter.inLogs(request.exchange())) {
            log.warn("Partner feed: {}", failed.getMessage(), failed.getCause());
        }
        return problems.answer(request, HttpStatus.SERVICE_UNAVAILABLE, "The " + failed.context + " part of the feed"
                + " could not be read right now; nothing was skipped: retry with the same cursor.", null, 5);
    }

    private Mono<ServerResponse> invalid(ServerRequest request, String field, String reason) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, field + ": " + reason,
                List.of(Map.of("field", field, "detail", reason)), 0);
    }

    /** The caller: its agency, and the headers its requests to the services carry (its token, the correlation ids). */
    record Reader(ServerRequest request, String agency) {
        void passOn(HttpHeaders headers) {
            HttpHeaders given = request.headers().asHttpHeaders();
            for (String name : List.of(HttpHeaders.AUTHORIZATION, CorrelationIdFilter.HEADER,
                    CorrelationIdFilter.CLIENT_HEADER)) {
                String value = given.getFirst(name);
                if (value != null) {
                    headers.set(name, value);
                }
            }
        }
    }
}
