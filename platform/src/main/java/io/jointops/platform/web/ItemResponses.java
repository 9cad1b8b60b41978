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
import java.time.Instant;
import java.util.Optional;
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
 * <li>a write answers once the view shows it (200 with the item and its new {@code ETag}), else 202.</li>
 * </ul>
 * Problems go through {@code ProblemResponses}, like every error. One instance per kind of item, made by its
 * controller.
 *
 * @param <V> the item as its view shows it
 */
public final class ItemResponses<V extends Versioned> {

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

    /** Page {@code page} of the item's events, if the caller may see the item (else 404). */
    public HistoryPage history(Caller caller, String id, int page, int size) {
        visible(caller, id);
        return history.page(id, page, size);
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

    /**
     * Sends {@code command}, which creates item {@code id}, and answers 201 with {@code location}, {@code ETag} "0"
     * and the item as the caller is shown it once the view has it (no body if it did not show in time).
     */
    public ResponseEntity<V> create(Caller caller, String id, URI location, Object command) {
        commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        V item = views.awaitVersion(id, 0, ReadYourWrites.TIMEOUT)
                .flatMap(view -> views.shownTo(view, caller.agencyFilter())).orElse(null);
        return created(location, 0).body(item);
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
