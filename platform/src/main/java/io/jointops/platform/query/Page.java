package io.jointops.platform.query;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every list endpoint answers with.
 *
 * @param page       the page number, from 0
 * @param size       the most items a page holds
 * @param totalItems how many items all pages hold together
 * @param totalPages how many pages of {@code size} that makes
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** Page {@code page} of {@code size} items, out of {@code totalItems}. */
    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }

    /** The same page with every item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
