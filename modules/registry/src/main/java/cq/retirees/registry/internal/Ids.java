package cq.retirees.registry.internal;

import cq.retirees.infra.http.ApiException;
import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;

/** Ids in paths and queries: anything that is not a UUID names nothing that exists (404 / 400). */
final class Ids {

    private Ids() {
    }

    static UUID pathId(ServerRequest request, String entityType) {
        try {
            return UUID.fromString(request.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("NOT_FOUND", entityType);
        }
    }

    static UUID queryId(ServerRequest request, String name) {
        return request.query().first(name).asOptional().map(value -> {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(cq.retirees.infra.http.FieldError.of(name, "ID_INVALID"));
            }
        }).orElse(null);
    }
}
