package cq.retirees.infra.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Optimistic concurrency over HTTP: a resource's {@code version} is its strong {@code ETag}; changes must name
 * the version they were made against in {@code If-Match}. The update itself compares in SQL
 * ({@code WHERE version = ?}), so the check and the write cannot be separated by another writer.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by {@code If-Match}: 428 when absent, 400 when not one of ours. */
    public static long expected(ServerRequest request) {
        String header = request.headers().first(HeaderNames.IF_MATCH)
                .orElseThrow(() -> ApiException.of(428, "IF_MATCH_REQUIRED"));
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("IF_MATCH_INVALID");
        }
    }

    public static ApiException stale() {
        return ApiException.of(412, "VERSION_MISMATCH");
    }
}
