package io.jointops.platform.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A view's reads of one item, the ones every API answers with ({@code io.jointops.platform.web.ItemResponses}): the
 * item now, as it was at an instant, and once a write shows in it. {@code agency} is the caller's agency as
 * {@link io.jointops.platform.security.Caller#agencyFilter()} gives it: {@code null} for joint auditors, who see
 * every item.
 */
public interface ItemViews<V extends Versioned> {

    /**
     * The item if {@code agency} may see it; empty, as for a missing item, otherwise.
     *
     * @throws io.jointops.platform.replay.ViewRebuildingException while the view is being rebuilt
     */
    Optional<V> find(String id, String agency);

    /**
     * The item as it was at {@code asOf}, folded from its events stored until then (not read from the view); empty if
     * it did not exist yet or {@code agency} could not see it then.
     */
    Optional<V> asOf(String id, Instant asOf, String agency);

    /**
     * Waits until the view shows event {@code version} of the item, so that the writer's next read sees its write
     * ({@link ReadYourWrites}); empty if it did not within {@code timeout}. Not filtered: the writer was found allowed
     * to see the item before writing; {@link #shownTo} gives what it is shown.
     */
    Optional<V> awaitVersion(String id, long version, Duration timeout);

    /**
     * What {@code agency} is shown of {@code item}, as {@link #awaitVersion} read it: by default all of it, since every
     * agency that may see an item sees the same. A view that shows agencies different parts, or that {@code agency}
     * may no longer see after a write (empty), says so here.
     */
    default Optional<V> shownTo(V item, String agency) {
        return Optional.of(item);
    }
}
