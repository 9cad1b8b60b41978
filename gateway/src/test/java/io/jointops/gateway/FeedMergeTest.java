package io.jointops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** The services' pages merged into one page of the feed, and the cursor after it. */
class FeedMergeTest {

    private static FeedMerge.Entry entry(String id, long position, int second) {
        return new FeedMerge.Entry(position, Instant.ofEpochSecond(1_800_000_000L + second),
                JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private static List<String> ids(List<FeedMerge.Taken> taken) {
        return taken.stream().map(t -> t.event().path("id").asText()).toList();
    }

    @Test
    void takesTheEventsInTheOrderTheyWereRecordedKeepingEachServicesOrder() {
        List<FeedMerge.Part> parts = List.of(
                new FeedMerge.Part(List.of(entry("c1", 11, 1), entry("c2", 12, 5)), 12),
                new FeedMerge.Part(List.of(entry("i1", 3, 2)), 3),
                new FeedMerge.Part(List.of(), 40),
                new FeedMerge.Part(List.of(entry("x1", 7, 1), entry("x2", 9, 3)), 9));
        long[] after = {10, 2, 30, 6};

        List<FeedMerge.Taken> taken = FeedMerge.merge(parts, after, 10);

        // a tie (c1, x1 at the same second) goes to the service first in the cursor's order
        assertThat(ids(taken)).containsExactly("c1", "x1", "i1", "x2", "c2");
        assertThat(taken.get(0).cursor()).containsExactly(11, 2, 30, 6);
        assertThat(taken.get(2).cursor()).containsExactly(11, 3, 30, 7);
        // finance sent nothing but had read to 40 (rows not shown to the agency): its cursor moves past them
        assertThat(FeedMerge.next(parts, after, taken)).containsExactly(12, 3, 40, 9);
    }

    @Test
    void aFullPageStopsAtTheLimitAndTheRestComesNextWithoutLossOrRepeat() {
        List<FeedMerge.Part> parts = List.of(
                new FeedMerge.Part(List.of(entry("c1", 1, 1), entry("c2", 2, 4)), 2),
                new FeedMerge.Part(List.of(entry("i1", 5, 2), entry("i2", 6, 3)), 8),
                new FeedMerge.Part(List.of(), 0),
                new FeedMerge.Part(List.of(), 0));
        long[] after = {0, 4, 0, 0};

        List<FeedMerge.Taken> first = FeedMerge.merge(parts, after, 2);
        long[] next = FeedMerge.next(parts, after, first);

        assertThat(ids(first)).containsExactly("c1", "i1");
        // intel's rows up to 8 were read but i2 was not taken: intel resumes after i1, not after 8
        assertThat(next).containsExactly(1, 5, 0, 0);

        List<FeedMerge.Part> rest = List.of(
                new FeedMerge.Part(List.of(entry("c2", 2, 4)), 2),
                new FeedMerge.Part(List.of(entry("i2", 6, 3)), 8),
                new FeedMerge.Part(List.of(), 0),
                new FeedMerge.Part(List.of(), 0));
        List<FeedMerge.Taken> second = FeedMerge.merge(rest, next, 2);
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactly("c1", "i1", "i2", "c2");
        assertThat(FeedMerge.next(rest, next, second)).containsExactly(2, 8, 0, 0);
    }

    @Test
    void nothingNewLeavesTheCursorWhereItWasUnlessRowsWerePassedOver() {
        List<FeedMerge.Part> parts = List.of(new FeedMerge.Part(List.of(), 3), new FeedMerge.Part(List.of(), 9),
                new FeedMerge.Part(List.of(), 0), new FeedMerge.Part(List.of(), 2));

        List<FeedMerge.Taken> taken = FeedMerge.merge(parts, new long[]{3, 5, 0, 2}, 10);

        assertThat(taken).isEmpty();
        assertThat(FeedMerge.next(parts, new long[]{3, 5, 0, 2}, taken)).containsExactly(3, 9, 0, 2);
    }
}
