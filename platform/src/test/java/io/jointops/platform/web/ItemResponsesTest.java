package io.jointops.platform.web;

import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Visibility, asOf, history, ETag and If-Match as every controller answers them, on an item view in memory. */
class ItemResponsesTest {

    private static final Instant THEN = Instant.parse("2025-03-01T10:00:00Z");
    private static final Caller CN = new Caller("u-1", "cn.investigator", "CN-NNCC", Set.of("investigator"));
    private static final Caller US = new Caller("u-2", "us.investigator", "US-DEA", Set.of("investigator"));
    private static final Caller AUDITOR = new Caller("u-3", "auditor", "JOINT-AUDIT", Set.of("auditor"));

    /** An item of one agency; {@code secret} is shown to that agency only. */
    record Thing(String id, Set<String> agencies, String secret, long version) implements Versioned {
    }

    /** Things now, and each thing as it was at {@link #THEN}; a write raises the version by one. */
    static final class Things implements ItemViews<Thing> {
        final Map<String, Thing> now = new ConcurrentHashMap<>();
        final Map<String, Thing> then = new ConcurrentHashMap<>();

        @Override
        public Optional<Thing> find(String id, String agency) {
            return Optional.ofNullable(now.get(id)).filter(thing -> agency == null || thing.agencies().contains(agency))
                    .flatMap(thing -> shownTo(thing, agency));
        }

        @Override
        public Optional<Thing> asOf(String id, Instant asOf, String agency) {
            return Optional.ofNullable(asOf.isBefore(THEN) ? null : then.get(id))
                    .filter(thing -> agency == null || thing.agencies().contains(agency));
        }

        @Override
        public Optional<Thing> awaitVersion(String id, long version, Duration timeout) {
            return Optional.ofNullable(now.get(id)).filter(thing -> thing.version() >= version);
        }

        @Override
        public Optional<Thing> shownTo(Thing item, String agency) {
            return agency == null || agency.equals("CN-NNCC") ? Optional.of(item)
                    : Optional.of(new Thing(item.id(), item.agencies(), null, item.version()));
        }
    }

    private final Things things = new Things();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final EventHistory history = mock(EventHistory.class);
    private final ItemResponses<Thing> responses = new ItemResponses<>("thing", things, commands, history);

    ItemResponsesTest() {
        things.now.put("t-1", new Thing("t-1", Set.of("CN-NNCC", "US-DEA"), "source", 2));
        things.then.put("t-1", new Thing("t-1", Set.of("CN-NNCC"), "source", 0));
    }

    @Test
    void anItemTheCallerMayNotSeeIsMissing() {
        assertThatThrownBy(() -> responses.visible(new Caller("u-4", "mx", "MX-FGR", Set.of()), "t-1"))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getReason()).isEqualTo("No thing 't-1' is visible to you.");
                });
        assertThatThrownBy(() -> responses.visible(CN, "t-2")).isInstanceOf(ResponseStatusException.class);
        assertThat(responses.visible(AUDITOR, "t-1").secret()).isEqualTo("source");
    }

    @Test
    void anAnswerCarriesTheVersionAsETag() {
        ResponseEntity<Thing> answer = responses.get(US, "t-1", null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(answer.getBody().secret()).isNull();
    }

    @Test
    void asOfAnswersTheItemAsItWasOnlyToWhoMaySeeItNowAndCouldThen() {
        ResponseEntity<Thing> then = responses.get(CN, "t-1", THEN);
        assertThat(then.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(then.getBody().version()).isZero();
        // US-DEA sees it now but could not see it then; nobody sees it before it existed
        assertThatThrownBy(() -> responses.get(US, "t-1", THEN))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getReason()).isEqualTo("No thing 't-1' was visible to you at " + THEN + ".");
                });
        assertThatThrownBy(() -> responses.get(CN, "t-1", THEN.minusSeconds(1))).isInstanceOf(ResponseStatusException.class);
        assertThat(responses.get(AUDITOR, "t-1", THEN).getBody().version()).isZero();
    }

    @Test
    void historyOnlyOfAVisibleItem() {
        HistoryPage page = new HistoryPage("t-1", List.of(), 0, 10, 3);
        when(history.page("t-1", 0, 10, US)).thenReturn(page);
        assertThat(responses.history(US, "t-1", 0, 10)).isSameAs(page);
        assertThatThrownBy(() -> responses.history(new Caller("u-4", "mx", "MX-FGR", Set.of()), "t-1", 0, 10))
                .isInstanceOf(ResponseStatusException.class);
        verify(history).page("t-1", 0, 10, US);
    }

    @Test
    void aWriteWhoseCommandCarriesTheVersionPassesIfMatchOnAndAnswersTheNewVersion() {
        when(commands.sendAndWait(any(), anyLong(), any())).thenAnswer(call -> {
            things.now.computeIfPresent("t-1", (id, thing) -> new Thing(id, thing.agencies(), thing.secret(), thing.version() + 1));
            return null;
        });
        when(history.count("t-1")).thenReturn(4L);
        ResponseEntity<Thing> answer = responses.write(CN, "t-1", "W/\"2\"", expected -> "command at " + expected);
        verify(commands).sendAndWait("command at 2", 30, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
        // without If-Match the command carries no version; a stale one is the aggregate's to refuse
        responses.write(CN, "t-1", null, expected -> "command at " + expected);
        verify(commands).sendAndWait("command at null", 30, TimeUnit.SECONDS);
    }

    @Test
    void aStaleIfMatchIsA412BeforeACommandThatCannotCarryTheVersionIsSent() {
        assertThatThrownBy(() -> responses.write(CN, "t-1", "\"1\"", () -> "command"))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(e.getReason()).isEqualTo("The thing changed since version 1; it is now at version 2. Read it again.");
                });
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aMalformedIfMatchIsA400NamingTheHeader() {
        for (String malformed : new String[]{"2", "\"two\"", "*", "\"1\", \"2\""}) {
            assertThatThrownBy(() -> responses.write(CN, "t-1", malformed, () -> "command"))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
            assertThatThrownBy(() -> responses.write(CN, "t-1", malformed, expected -> "command"))
                    .isInstanceOf(InvalidRequestException.class);
        }
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aWriteOnAnItemTheCallerMayNotSeeIsA404AndSendsNothing() {
        Caller mx = new Caller("u-4", "mx", "MX-FGR", Set.of());
        assertThatThrownBy(() -> responses.write(mx, "t-1", null, () -> "command"))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> responses.write(mx, "t-1", "\"2\"", expected -> "command"))
                .isInstanceOf(ResponseStatusException.class);
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aWriteTheViewDoesNotShowInTimeIsAccepted() {
        when(history.count("t-1")).thenReturn(10L);
        ResponseEntity<Thing> answer = responses.write(CN, "t-1", "\"2\"", () -> "command");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getHeaders().getETag()).isNull();
    }

    @Test
    void aCreateAnswersTheNewItemAsTheCallerIsShownItWithETagZero() {
        when(commands.sendAndWait(any(), anyLong(), any())).thenAnswer(call -> {
            String id = ((Created) call.getArgument(0)).id();
            things.now.put(id, new Thing(id, Set.of("US-DEA"), "source", 0));
            when(history.count(id)).thenReturn(1L);
            return null;
        });
        ResponseEntity<Thing> answer = responses.create(US, null, "body", id -> URI.create("/api/things/" + id), Created::new);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = answer.getBody().id();
        assertThat(answer.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/" + id));
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(answer.getBody().secret()).isNull();
        assertThat(answer.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
    }

    /** A create's command, carrying the id the create gave it. */
    record Created(String id) {
    }

    @Test
    void aKeyedCreateDerivesTheIdFromCallerAndKeyAndTagsItsCommandWithTheRequestHash() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(commands.sendAndWait(sent.capture(), anyLong(), any())).thenReturn(null);
        responses.create(US, "key-00000001", Map.of("title", "t"), id -> URI.create("/api/things/" + id), Created::new);
        responses.create(CN, "key-00000001", Map.of("title", "t"), id -> URI.create("/api/things/" + id), Created::new);

        CommandMessage<?> us = (CommandMessage<?>) sent.getAllValues().get(0);
        CommandMessage<?> cn = (CommandMessage<?>) sent.getAllValues().get(1);
        assertThat(((Created) us.getPayload()).id()).isEqualTo(IdempotencyKey.of("thing", US, "key-00000001", "x").itemId())
                .as("another caller's same key names another item").isNotEqualTo(((Created) cn.getPayload()).id());
        assertThat(us.getMetaData().get("requestHash"))
                .isEqualTo(IdempotencyKey.hash("thing", US, "key-00000001", Map.of("title", "t")));
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheFirstItemAndSendsNothing() {
        IdempotencyKey key = IdempotencyKey.of("thing", CN, "key-00000002", Map.of("title", "t"));
        things.now.put(key.itemId(), new Thing(key.itemId(), Set.of("CN-NNCC"), "source", 3));
        when(history.metaData(key.itemId(), 0, "requestHash")).thenReturn(Optional.of(key.requestHash()));

        ResponseEntity<Thing> answer = responses.create(CN, "key-00000002", Map.of("title", "t"),
                id -> URI.create("/api/things/" + id), Created::new);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getHeaders().getLocation()).isEqualTo(URI.create("/api/things/" + key.itemId()));
        assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(answer.getBody().id()).isEqualTo(key.itemId());
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndSendsNothing() {
        IdempotencyKey key = IdempotencyKey.of("thing", CN, "key-00000003", Map.of("title", "t"));
        when(history.metaData(key.itemId(), 0, "requestHash")).thenReturn(Optional.of(key.requestHash()));
        assertThatThrownBy(() -> responses.create(CN, "key-00000003", Map.of("title", "other"),
                id -> URI.create("/api/things/" + id), Created::new))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aMalformedKeyIsBadInputNamingTheHeader() {
        for (String malformed : new String[] {"short", "has space in it", "x".repeat(101), "ünïcödé-key"}) {
            assertThatThrownBy(() -> responses.create(CN, malformed, "body", id -> URI.create("/" + id), Created::new))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
        verify(commands, never()).sendAndWait(any(), anyLong(), any());
    }

    @Test
    void aRetryThatLostTheRaceToTheFirstRequestAnswersWithTheFirstItem() {
        IdempotencyKey key = IdempotencyKey.of("thing", CN, "key-00000004", Map.of("title", "t"));
        when(commands.sendAndWait(any(), anyLong(), any())).thenAnswer(call -> {
            // the first request stored the item meanwhile: this create fails on it
            things.now.put(key.itemId(), new Thing(key.itemId(), Set.of("CN-NNCC"), "source", 0));
            when(history.count(key.itemId())).thenReturn(1L);
            when(history.metaData(key.itemId(), 0, "requestHash")).thenReturn(Optional.of(key.requestHash()));
            throw new IllegalStateException("duplicate key value violates unique constraint");
        });
        ResponseEntity<Thing> answer = responses.create(CN, "key-00000004", Map.of("title", "t"),
                id -> URI.create("/api/things/" + id), Created::new);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answer.getBody().id()).isEqualTo(key.itemId());
    }

    /** A request body with an optional field. */
    record Body(String title, String summary, List<String> tags) {
    }

    @Test
    void theRequestHashIgnoresMemberOrderAndAbsentFieldsButNotValues() {
        String hash = IdempotencyKey.hash("thing", CN, "k", new Body("t", null, List.of("a", "b")));
        assertThat(IdempotencyKey.hash("thing", CN, "k", Map.of("tags", List.of("a", "b"), "title", "t"))).isEqualTo(hash);
        assertThat(IdempotencyKey.hash("thing", CN, "k", new Body("t", "s", List.of("a", "b")))).isNotEqualTo(hash);
        assertThat(IdempotencyKey.hash("thing", CN, "k", new Body("t", null, List.of("b", "a")))).isNotEqualTo(hash);
        assertThat(IdempotencyKey.hash("thing", US, "k", new Body("t", null, List.of("a", "b")))).isNotEqualTo(hash);
        assertThat(IdempotencyKey.hash("other", CN, "k", new Body("t", null, List.of("a", "b")))).isNotEqualTo(hash);
    }
}
