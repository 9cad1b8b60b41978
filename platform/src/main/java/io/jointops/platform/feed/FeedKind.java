package io.jointops.platform.feed;

import io.jointops.platform.history.ShownEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.util.Set;

/**
 * A kind of item a service puts on the partner feed, told by the service in one bean per kind: its aggregate and
 * events, whom its view shows it to ({@link SharedItem#audience}), and what a reader is shown of its events (the same
 * {@link ShownEvents} its history answers with). Nothing of who sees what is decided here.
 *
 * @param itemType      short name of the kind in the feed, e.g. {@code case}; unique in the service
 * @param aggregateType the item's aggregate type as Axon stores it with each event (the aggregate class's simple name,
 *                      e.g. {@code JointCase}): an event is the item's if its stream is of this type, since events
 *                      some aggregates share (evidence files) belong to each; checked against the service's
 *                      aggregates at start ({@link FeedConfiguration})
 * @param events        the item's events: its view's fold's events (the aggregate's, as the fold tests check)
 * @param views         the item's view
 * @param shown         what a reader is shown of the item's events, as its history shows it (and what reading it
 *                      does: intel logs a read of a TLP:AMBER report)
 * @param policy        the same policy without what reading does, for what the platform checks on an agency's
 *                      behalf without showing it the events ({@link FeedListener}s: watchlists); {@code shown} where
 *                      reading does nothing more
 * @param <V>           the item as its view shows it
 */
public record FeedKind<V extends Versioned & SharedItem>(String itemType, String aggregateType,
                                                          Set<Class<?>> events, ItemViews<V> views,
                                                          ShownEvents<V> shown, ShownEvents<V> policy) {

    public FeedKind {
        events = Set.copyOf(events);
    }

    /** A kind whose events are read as its policy shows them, and nothing more. */
    public FeedKind(String itemType, String aggregateType, Set<Class<?>> events, ItemViews<V> views,
                    ShownEvents<V> shown) {
        this(itemType, aggregateType, events, views, shown, shown);
    }
}
