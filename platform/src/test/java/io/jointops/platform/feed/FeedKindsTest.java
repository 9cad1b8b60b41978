package io.jointops.platform.feed;

import io.jointops.platform.history.ShownEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event is the item's of the aggregate whose stream it is in, also an event several aggregates share. */
class FeedKindsTest {

    record Opened() {
    }

    record Shared() {
    }

    private static FeedKind<?> kind(String itemType, String aggregateType, Class<?>... events) {
        return new FeedKind<>(itemType, aggregateType, Set.of(events), null, (ShownEvents<TestItem>) null);
    }

    private interface TestItem extends io.jointops.platform.query.Versioned, io.jointops.platform.query.SharedItem {
    }

    @Test
    void findsTheKindByTheStreamsAggregateTypeAndItsEvents() {
        FeedKinds kinds = new FeedKinds(List.of(kind("case", "JointCase", Opened.class, Shared.class),
                kind("cooperation-request", "CooperationRequest", Shared.class)));

        assertThat(kinds.of("JointCase", Shared.class).itemType()).isEqualTo("case");
        assertThat(kinds.of("CooperationRequest", Shared.class).itemType()).isEqualTo("cooperation-request");
        assertThat(kinds.of("CooperationRequest", Opened.class)).isNull();
        assertThat(kinds.of("CaseLead", Opened.class)).isNull();
        assertThat(kinds.events()).containsExactlyInAnyOrder(Opened.class, Shared.class);
    }

    @Test
    void aKindNamingAnAggregateTheServiceDoesNotHaveStopsIt() {
        FeedKinds kinds = new FeedKinds(List.of(kind("case", "JointCse", Opened.class)));

        assertThatThrownBy(() -> kinds.requireAggregates(Set.of("JointCase", "CaseLead")))
                .hasMessageContaining("JointCse");
        assertThatThrownBy(() -> new FeedKinds(List.of(kind("a", "JointCase"), kind("b", "JointCase"))))
                .hasMessageContaining("JointCase");
    }
}
