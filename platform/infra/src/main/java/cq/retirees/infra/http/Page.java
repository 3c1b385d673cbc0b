package cq.retirees.infra.http;

import java.util.List;

/** One page of a keyset-paginated list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds the page from {@code limit + 1} fetched rows: the extra row only proves there is more, and the cursor
     * is taken from the last row shown.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, java.util.function.Function<T, Cursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, request.limit());
        return new Page<>(shown, cursorOf.apply(shown.getLast()).encode());
    }
}
