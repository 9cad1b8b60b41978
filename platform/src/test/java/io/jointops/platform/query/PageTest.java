package io.jointops.platform.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
}
