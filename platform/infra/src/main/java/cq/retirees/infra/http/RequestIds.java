package cq.retirees.infra.http;

import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;

/** Ids in paths and queries: anything that is not a UUID names nothing that exists (404 / 400). */
public final class RequestIds {

    private RequestIds() {
    }

    /** The path parameter {@code id}. */
    public static UUID pathId(ServerRequest request, String entityType) {
        return pathId(request, "id", entityType);
    }

    public static UUID pathId(ServerRequest request, String parameter, String entityType) {
        try {
            return UUID.fromString(request.path().pathParameters().get(parameter));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("NOT_FOUND", entityType);
        }
    }

    /** The query parameter {@code name}, or null when absent; 400 when present and not an id. */
    public static UUID queryId(ServerRequest request, String name) {
        return request.query().first(name).asOptional().map(value -> {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(FieldError.of(name, "ID_INVALID"));
            }
        }).orElse(null);
    }
}
