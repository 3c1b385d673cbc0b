package cq.retirees.infra.audit;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.PageRequest;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.security.Access;
import cq.retirees.kernel.access.Role;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code /audit-events}: the trail and its verification, for auditors. */
public final class AuditRoutes implements ApiService {

    private final AuditTrail trail;
    private final Access access;

    public AuditRoutes(AuditTrail trail, Access access) {
        this.trail = trail;
        this.access = access;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/audit-events", this::list),
                ApiRoute.get("/audit-events/verification", this::verify));
    }

    private void list(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.AUDITOR);
        AuditQuery query = new AuditQuery(
                request.query().first("actor").asOptional().orElse(null),
                request.query().first("entity").asOptional().orElse(null),
                instant(request, "from"), instant(request, "to"));
        Responses.ok(response, trail.list(query, PageRequest.from(request)));
    }

    private void verify(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.AUDITOR);
        Responses.ok(response, trail.verify());
    }

    private static Instant instant(ServerRequest request, String name) {
        return request.query().first(name).asOptional().map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(FieldError.of(name, "INSTANT_INVALID"));
            }
        }).orElse(null);
    }
}
