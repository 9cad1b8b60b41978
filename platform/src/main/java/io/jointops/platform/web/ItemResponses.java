package io.jointops.platform.web;

import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every controller answers about one item of a view, in one way:
 * <ul>
 * <li>the item only for a caller who may see it; anyone else gets 404, exactly as for a missing item;</li>
 * <li>{@code ?asOf=}: the item as it was then, folded from its events, only if the caller may see it now and could
 *     see it then (else 404);</li>
 * <li>its history, a page of its events, under the same visibility;</li>
 * <li>its version as {@code ETag} on every answer that carries it;</li>
 * <li>{@code If-Match} on every write: a malformed one is a 400 problem naming the header; a stale one a 412 problem
 *     (checked by the aggregate where the command carries the version, else here against the version just read);</li>
 * <li>a write answers once the view shows it (200 with the item and its new {@code ETag}), else 202;</li>
 * <li>a create takes {@code Idempotency-Key}: the same caller's retry with the same key and body is answered with the
 *     item the first request created, and creates nothing.</li>
 * </ul>
 * Problems go through {@code ProblemResponses}, like every error. One instance per kind of item, made by its
 * controller.
 *
 * @param <V> the item as its view shows it
 */
public final class ItemResponses<V extends Versioned> {

    /** The header every create takes ({@link #create(Caller, String, Object, Function, CreateCommand)}). */
    public static final String IDEMPOTENCY_KEY = IdempotencyKey.HEADER;

    /** How long a command may take. */
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private final String noun;
    private final ItemViews<V> views;
    private final CommandGateway commands;
    private final EventHistory history;

    /**
     * @param noun     what the item is called in a problem's detail, e.g. {@code "case"}
     * @param views    the view's reads
     * @param commands where writes are sent
     * @param history  the event store's history of items
     */
    public ItemResponses(String noun, ItemViews<V> views, CommandGateway commands, EventHistory history) {
        this.noun = noun;
        this.views = views;
        this.commands = commands;
        this.history = history;
    }

    // --- reading

    /** The item if the caller may see it; otherwise 404, as for a missing item. */
    public V visible(Caller caller, String id) {
        return views.find(id, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No " + noun + " '" + id + "' is visible to you."));
    }

    /**
     * The item now, or with {@code asOf} as it was at that instant, rebuilt from its events: only if the caller may see
     * it now and could see it then; otherwise (or if it did not exist yet) 404.
     */
    public V read(Caller caller, String id, Instant asOf) {
        V now = visible(caller, id);
        if (asOf == null) {
            return now;
        }
        return views.asOf(id, asOf, caller.agencyFilter()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No " + noun + " '" + id + "' was visible to you at " + asOf + "."));
    }

    /** {@link #read} answered: 200 with the item and its version as {@code ETag}. */
    public ResponseEntity<V> get(Caller caller, String id, Instant asOf) {
        return ok(read(caller, id, asOf));
    }

    /** 200 with the item and its version as {@code ETag}. */
    public ResponseEntity<V> ok(V item) {
        return ResponseEntity.ok().eTag(etag(item.version())).body(item);
    }

    /**
     * Page {@code page} of the item's events, if the caller may see the item (else 404): every event, for an item whose
     * readers are all shown all of it (a context that shows readers only some events pages its own visibility policy's).
     */
    public HistoryPage history(Caller caller, String id, int page, int size) {
        visible(caller, id);
        return history.page(id, page, size, caller);
    }

    // --- writing

    /**
     * The item the caller may see (else 404), at the version {@code ifMatch} names if given: a malformed header is a
     * 400 problem naming {@code If-Match}, another version a 412 problem. For a write whose command cannot carry the
     * version: a change between this read and the command is not caught.
     */
    public V visible(Caller caller, String id, String ifMatch) {
        Long expected = expectedVersion(ifMatch);
        V current = visible(caller, id);
        if (expected != null && expected != current.version()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "The " + noun + " changed since version "
                    + expected + "; it is now at version " + current.version() + ". Read it again.");
        }
        return current;
    }

    /**
     * Sends the command {@code command} makes of the version {@code ifMatch} names ({@code null} without the header),
     * for the aggregate to refuse when it is stale, about an item the caller may see (else 404), and answers as
     * {@link #written} once the view shows it. A malformed {@code If-Match} is a 400 problem naming it.
     */
    public ResponseEntity<V> write(Caller caller, String id, String ifMatch, Function<Long, ?> command) {
        Long expected = expectedVersion(ifMatch);
        visible(caller, id);
        return send(caller, id, command.apply(expected));
    }

    /**
     * Sends {@code command} about an item the caller may see (else 404), at the version {@code ifMatch} names if
     * given ({@link #visible(Caller, String, String)}), and answers as {@link #written} once the view shows it.
     */
    public ResponseEntity<V> write(Caller caller, String id, String ifMatch, Supplier<?> command) {
        visible(caller, id, ifMatch);
        return send(caller, id, command.get());
    }

    /** A create's command for the item of the id given, made once that id is known; may refuse bad input first. */
    @FunctionalInterface
    public interface CreateCommand<X extends Exception> {
        Object forItem(String id) throws X;
    }

    /**
     * Creates an item with the command {@code command} makes for its id, and answers 201 with its location, its
     * version as {@code ETag} and the item as the caller is shown it once the view has it (no body if it did not show
     * in time).
     * <p>
     * With an {@code Idempotency-Key} ({@link IdempotencyKey}), the same caller's same key always names the same item:
     * a retry with the same body is answered as the first request was (201, the same location and item, plus
     * {@code Idempotent-Replayed: true}) without creating anything, also when it races the first request or comes after
     * a restart; the same key with another body is a 422 problem naming the header; a malformed key a 400 problem. A
     * first request that failed created nothing, so its key may be used again.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
     * @param request        the request body as the controller took it: what a retry with the key must repeat
     * @param location       where the item of an id is read
     */
    public <X extends Exception> ResponseEntity<V> create(Caller caller, String idempotencyKey, Object request,
                                                          Function<String, URI> location, CreateCommand<X> command)
            throws X {
        return create(caller, idempotencyKey, request, location, Duration.ofSeconds(COMMAND_TIMEOUT_SECONDS), command);
    }

    /** {@link #create(Caller, String, Object, Function, CreateCommand)} for a command that may take up to {@code timeout}. */
    public <X extends Exception> ResponseEntity<V> create(Caller caller, String idempotencyKey, Object request,
                                                          Function<String, URI> location, Duration timeout,
                                                          CreateCommand<X> command) throws X {
        IdempotencyKey key = IdempotencyKey.of(noun, caller, idempotencyKey, request);
        if (key == null) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(command.forItem(id), timeout.toMillis(), TimeUnit.MILLISECONDS);
            return createdAnswer(caller, id, location.apply(id));
        }
        String id = key.itemId();
        Optional<ResponseEntity<V>> replay = replay(caller, key, location.apply(id), false);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            commands.sendAndWait(key.tag(command.forItem(id)), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException failure) {
            // a retry racing the first request: the loser's create fails on the stored item, and answers with it
            Optional<ResponseEntity<V>> first = replayAfter(failure, caller, key, location.apply(id));
            if (first.isPresent()) {
                return first.get();
            }
            throw failure;
        }
        return createdAnswer(caller, id, location.apply(id));
    }

    /** 201 for an item just created: once the view has all of the create's events, the item as the caller is shown it. */
    private ResponseEntity<V> createdAnswer(Caller caller, String id, URI location) {
        // a create may store several events (a bulk import); counted in the store if another member handled it
        long version = ReadYourWrites.lastAppended(id).orElseGet(() -> history.count(id) - 1);
        V item = views.awaitVersion(id, version, ReadYourWrites.TIMEOUT)
                .flatMap(view -> views.shownTo(view, caller.agencyFilter())).orElse(null);
        return created(location, item == null ? version : item.version()).body(item);
    }

    /**
     * The answer to a keyed create whose item exists: 201 as for the first request, if it had the same hash; a 422
     * problem if the key was used for another request. Empty if the item does not exist. {@code legacy}: an item whose
     * first event carries no hash (created before creates stored it) is taken as the first request's.
     */
    private Optional<ResponseEntity<V>> replay(Caller caller, IdempotencyKey key, URI location, boolean legacy) {
        Optional<String> stored = history.metaData(key.itemId(), 0, IdempotencyKey.REQUEST_HASH);
        if (stored.isEmpty() && !legacy) {
            return Optional.empty();
        }
        if (stored.isPresent() && !stored.get().equals(key.requestHash())) {
            throw new IdempotencyKeyReusedException();
        }
        V item = views.awaitVersion(key.itemId(), 0, ReadYourWrites.TIMEOUT)
                .flatMap(view -> views.find(key.itemId(), caller.agencyFilter())).orElse(null);
        return Optional.of(created(location, item == null ? 0 : item.version())
                .header(IdempotencyKey.REPLAYED, "true").body(item));
    }

    /**
     * After a keyed create failed: the answer from the item if it is stored all the same (a racing retry's). If the
     * database cannot answer, the create's own failure is what the client gets (a 503 when the database is down,
     * {@link DatabaseUnavailable}), not the failure of this look: during a PostgreSQL restart the look's "Connection is
     * closed" hid the cause and gave a 500 (the bench's crash test).
     */
    private Optional<ResponseEntity<V>> replayAfter(RuntimeException failure, Caller caller, IdempotencyKey key,
                                                    URI location) {
        boolean stored;
        try {
            stored = history.count(key.itemId()) > 0;
        } catch (RuntimeException lookFailed) {
            failure.addSuppressed(lookFailed);
            return Optional.empty();
        }
        return stored ? replay(caller, key, location, true) : Optional.empty();
    }

    /** 201 with {@code location} and the new item's {@code version} as {@code ETag}; the body is the caller's. */
    public ResponseEntity.BodyBuilder created(URI location, long version) {
        return ResponseEntity.created(location).eTag(etag(version));
    }

    /** The answer to a write: 200 with the item as the caller is shown it and its {@code ETag}, or 202 if not shown (yet). */
    public ResponseEntity<V> written(Caller caller, Optional<V> item) {
        return item.flatMap(view -> views.shownTo(view, caller.agencyFilter())).map(this::ok)
                .orElseGet(() -> ResponseEntity.accepted().build());
    }

    private ResponseEntity<V> send(Caller caller, String id, Object command) {
        commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return written(caller, views.awaitVersion(id, history.count(id) - 1, ReadYourWrites.TIMEOUT));
    }

    /** The version an {@code If-Match} header names, or {@code null} without one; a malformed one is a 400. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be an entity tag from the ETag header, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
