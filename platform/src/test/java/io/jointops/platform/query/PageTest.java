package io.jointops.platform.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void countsThePagesThatHoldAllItems() {
        assertThat(Page.of(List.of(), 0, 20, 0).totalPages()).isZero();
        assertThat(Page.of(List.of("a"), 0, 20, 1).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of("a"), 1, 20, 20).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of("a"), 1, 20, 21).totalPages()).isEqualTo(2);
    }

    @Test
    void mapsItemsAndKeepsThePaging() {
        assertThat(Page.of(List.of("a", "bb"), 2, 2, 7).map(String::length))
                .isEqualTo(new Page<>(List.of(1, 2), 2, 2, 7, 4));
    }

    @Test
    void writesThePagesRowsIntoTheStatementAsNumbers() {
        assertThat(Page.rows(0, 20)).isEqualTo(" LIMIT 20 OFFSET 0");
        assertThat(Page.rows(3, 20)).isEqualTo(" LIMIT 20 OFFSET 60");
        assertThat(Page.rows(100_000, 100_000)).as("no int overflow").isEqualTo(" LIMIT 100000 OFFSET 10000000000");
        assertThatThrownBy(() -> Page.rows(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Page.rows(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
