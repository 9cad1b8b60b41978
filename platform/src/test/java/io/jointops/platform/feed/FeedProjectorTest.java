package io.jointops.platform.feed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rows a batch of events writes to the partner feed, and for whom. */
class FeedProjectorTest {

    private static FeedProjector.Event event(String item, long sequence) {
        return new FeedProjector.Event("case", item, sequence);
    }

    private static FeedTable.Row row(String agency, String item, long sequence) {
        return new FeedTable.Row(agency, "case", item, sequence);
    }

    @Test
    void aNewItemGoesToItsAudienceEventByEvent() {
        FeedProjector.Plan plan = FeedProjector.plan(List.of(event("a", 0), event("a", 1)),
                Map.of("a", Set.of("US-DEA", "CN-NNCC")), Map.of());

        assertThat(plan.rows()).containsExactly(row("CN-NNCC", "a", 0), row("US-DEA", "a", 0),
                row("CN-NNCC", "a", 1), row("US-DEA", "a", 1));
        assertThat(plan.added()).isEqualTo(Map.of("a", Set.of("CN-NNCC", "US-DEA")));
        assertThat(plan.removed()).isEmpty();
    }

    @Test
    void anAgencyAddedLaterFirstGetsTheItemsEarlierEvents() {
        FeedProjector.Plan plan = FeedProjector.plan(List.of(event("a", 3)),
                Map.of("a", Set.of("CN-NNCC", "US-DEA")), Map.of("a", Set.of("CN-NNCC")));

        assertThat(plan.rows()).containsExactly(row("CN-NNCC", "a", 3),
                row("US-DEA", "a", 0), row("US-DEA", "a", 1), row("US-DEA", "a", 2), row("US-DEA", "a", 3));
        assertThat(plan.added()).isEqualTo(Map.of("a", Set.of("US-DEA")));
    }

    @Test
    void anAgencyNoLongerShownTheItemGetsNoRowsAndIsForgotten() {
        FeedProjector.Plan plan = FeedProjector.plan(List.of(event("a", 5), event("b", 0)),
                Map.of("a", Set.of("CN-NNCC"), "b", Set.of("MX-FGR")), Map.of("a", Set.of("CN-NNCC", "US-DEA")));

        assertThat(plan.rows()).containsExactly(row("CN-NNCC", "a", 5), row("MX-FGR", "b", 0));
        assertThat(plan.removed()).isEqualTo(Map.of("a", Set.of("US-DEA")));
        assertThat(plan.added()).isEqualTo(Map.of("b", Set.of("MX-FGR")));
    }
}
