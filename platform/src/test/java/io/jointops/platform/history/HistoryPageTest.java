package io.jointops.platform.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A page among the entries a reader is shown counts only those. */
class HistoryPageTest {

    private static final List<HistoryEntry> SHOWN = LongStream.of(6, 7, 9, 11, 12, 15, 17, 18)
            .mapToObj(sequence -> new HistoryEntry(null, sequence, "E", "1", Instant.EPOCH, "a", "a", "X", "c", null, "c", null))
            .toList();

    @Test
    void pagesCountOnlyWhatIsShown() {
        HistoryPage first = HistoryPage.of("r-1", SHOWN, 0, 3);
        assertThat(first.totalEvents()).isEqualTo(8);
        assertThat(first.events()).extracting(HistoryEntry::sequence).containsExactly(6L, 7L, 9L);
        assertThat(first.itemId()).isEqualTo("r-1");
        assertThat(HistoryPage.of("r-1", SHOWN, 2, 3).events()).extracting(HistoryEntry::sequence)
                .containsExactly(17L, 18L);
        assertThat(HistoryPage.of("r-1", SHOWN, 5, 3).events()).isEmpty();
        assertThat(HistoryPage.of("r-1", SHOWN, 100_000, 1000).events()).isEmpty();
    }
}
