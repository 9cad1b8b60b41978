package io.jointops.platform.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The service's kinds of item on the feed, found by the aggregate type of an event's stream or by their name. */
final class FeedKinds {

    private final Map<String, FeedKind<?>> byAggregate = new HashMap<>();
    private final Map<String, FeedKind<?>> byType = new HashMap<>();
    private final Set<Class<?>> events = new HashSet<>();

    FeedKinds(List<FeedKind<?>> kinds) {
        for (FeedKind<?> kind : kinds) {
            if (byType.put(kind.itemType(), kind) != null) {
                throw new IllegalStateException("two feed kinds are called " + kind.itemType());
            }
            FeedKind<?> other = byAggregate.put(kind.aggregateType(), kind);
            if (other != null) {
                throw new IllegalStateException("the aggregate " + kind.aggregateType() + " is the item of both "
                        + other.itemType() + " and " + kind.itemType());
            }
            events.addAll(kind.events());
        }
    }

    /** The kind of an event of {@code payloadType} in a stream of {@code aggregateType}, or {@code null}. */
    FeedKind<?> of(String aggregateType, Class<?> payloadType) {
        FeedKind<?> kind = byAggregate.get(aggregateType);
        return kind != null && kind.events().contains(payloadType) ? kind : null;
    }

    /** Fails unless every kind's aggregate type is one of {@code aggregateTypes}: a misspelt one would feed nothing. */
    void requireAggregates(Set<String> aggregateTypes) {
        for (String aggregateType : byAggregate.keySet()) {
            if (!aggregateTypes.contains(aggregateType)) {
                throw new IllegalStateException("the partner feed's kind " + byAggregate.get(aggregateType).itemType()
                        + " names the aggregate " + aggregateType + ", which this service does not have: " + aggregateTypes);
            }
        }
    }

    Optional<FeedKind<?>> named(String itemType) {
        return Optional.ofNullable(byType.get(itemType));
    }

    /** Every kind's events: all the feed's processor reads. */
    Set<Class<?>> events() {
        return Set.copyOf(events);
    }
}
