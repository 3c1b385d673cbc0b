package cq.retirees.registry.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** An immutable list of choices with integer weights, picked in O(log n). */
final class Weighted<T> {

    private final List<T> items;
    private final long[] cumulative;

    private Weighted(List<T> items, long[] cumulative) {
        this.items = List.copyOf(items);
        this.cumulative = cumulative;
    }

    T pick(SplittableRandom random) {
        long ticket = random.nextLong(cumulative[cumulative.length - 1]);
        int found = Arrays.binarySearch(cumulative, ticket);
        // cumulative[i] is the exclusive upper end of item i's range, so an exact hit belongs to the next item
        return items.get(found >= 0 ? found + 1 : -found - 1);
    }

    static final class Builder<T> {

        private final List<T> items = new ArrayList<>();
        private final List<Long> weights = new ArrayList<>();

        Builder<T> add(T item, long weight) {
            if (weight <= 0) {
                // a zero weight would make two equal cumulative entries and the binary search ambiguous
                throw new IllegalArgumentException("weights must be positive");
            }
            items.add(item);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("no choices");
            }
            long[] cumulative = new long[weights.size()];
            long total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total += weights.get(i);
                cumulative[i] = total;
            }
            return new Weighted<>(items, cumulative);
        }
    }
}
