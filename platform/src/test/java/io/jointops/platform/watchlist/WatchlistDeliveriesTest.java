package io.jointops.platform.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.ContractEvents;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.feed.FeedListener.Delivery;
import io.jointops.platform.history.ShownEvents;
import io.jointops.platform.identifiers.NamedIdentifiers;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WatchlistDeliveriesTest {

    record Item(long version, Set<String> audience) implements Versioned, SharedItem {
    }

    /** Counts the item's reads; it is never found, so nothing is scheduled (no scheduler is needed). */
    static final class CountedViews implements ItemViews<Item> {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<Item> find(String id, String agency) {
            reads.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public Optional<Item> asOf(String id, Instant asOf, String agency) {
            throw new AssertionError("not read as of an instant");
        }

        @Override
        public Optional<Item> awaitVersion(String id, long version, Duration timeout) {
            throw new AssertionError("not waited for");
        }
    }

    @Test
    void onlyAnEventThatNamesIdentifiersOrComesWithoutItsTypeCostsARead() {
        Set<Class<?>> namers = Set.copyOf(NamedIdentifiers.namers(ContractEvents.ALL));
        Class<?> naming = namers.iterator().next();
        Class<?> silent = ContractEvents.ALL.stream().filter(type -> !namers.contains(type)).findFirst().orElseThrow();
        CountedViews views = new CountedViews();
        FeedKind<Item> kind = new FeedKind<>("report", "Report", Set.of(naming, silent), views,
                (ShownEvents<Item>) (itemId, item, from, to, reader) -> List.of());
        WatchlistDeliveries deliveries = new WatchlistDeliveries("intel", null, null, new ObjectMapper(), List.of(kind));

        deliveries.delivered(List.of(new Delivery("US-DEA", kind, "item-1", 0, silent.getSimpleName())));
        assertThat(views.reads).as("an event that names nothing, of a kind whose other events do: no read").hasValue(0);

        deliveries.delivered(List.of(new Delivery("US-DEA", kind, "item-1", 1, naming.getSimpleName())));
        assertThat(views.reads).as("an event that names identifiers is checked for the agency").hasValue(1);

        deliveries.delivered(List.of(new Delivery("CN-NNCC", kind, "item-1", 0, null),
                new Delivery("CN-NNCC", kind, "item-1", 2, silent.getSimpleName())));
        assertThat(views.reads).as("an earlier event back-filled without its type: the batch's range is read once")
                .hasValue(2);
    }
}
