package cq.retirees.infra.http;

import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/** {@code ?limit=} (default 50, 1 to 500) and {@code ?cursor=} of a list request. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest from(ServerRequest request) {
        int limit = request.query().first("limit").map(PageRequest::parseLimit).orElse(DEFAULT_LIMIT);
        Optional<String> cursor = request.query().first("cursor").asOptional().filter(c -> !c.isBlank());
        return new PageRequest(limit, cursor);
    }

    private static int parseLimit(String raw) {
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw ApiException.invalid(FieldError.of("limit", "INVALID_LIMIT", MAX_LIMIT));
    }

    /** The cursor's keys, or empty on the first page. */
    public Optional<Cursor> after(int arity) {
        return cursor.map(c -> Cursor.decode(c, arity));
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
