package cq.retirees.infra.security;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.kernel.access.Scope;
import io.helidon.webserver.http.ServerRequest;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one place authorization is decided for HTTP. Lacking a role is a 403 (the route's existence is no
 * secret); a record outside the caller's {@link Scope} is a 404, exactly as if it did not exist. Both are audited.
 */
public final class Access {

    private final AuditTrail audit;

    public Access(AuditTrail audit) {
        this.audit = audit;
    }

    /** The authenticated caller (the authentication filter guarantees one on every protected route). */
    public static Actor actor(ServerRequest request) {
        return request.context().get(Actor.class)
                .orElseThrow(() -> ApiException.of(401, "UNAUTHENTICATED"));
    }

    /** The caller, if they hold any of {@code roles}; otherwise 403, audited. */
    public Actor requireAny(ServerRequest request, Role... roles) {
        Actor actor = actor(request);
        if (!actor.hasAny(roles)) {
            String needed = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(", "));
            deny(request, actor, "route", request.path().path(), Map.of("required", needed,
                    "method", request.prologue().method().text()));
            throw ApiException.forbidden("ROLE_REQUIRED", needed);
        }
        return actor;
    }

    /**
     * The record, if it exists and the caller's scope covers it; otherwise 404 (and, when it exists but is out of
     * scope, an audited denial).
     */
    public <T> T visible(ServerRequest request, Optional<T> found, BiPredicate<Scope, T> covers, String entityType,
                         Object entityId) {
        Actor actor = actor(request);
        if (found.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", entityType);
        }
        if (!covers.test(actor.scope(), found.get())) {
            deny(request, actor, entityType, String.valueOf(entityId), Map.of("reason", "OUT_OF_SCOPE"));
            throw ApiException.notFound("NOT_FOUND", entityType);
        }
        return found.get();
    }

    /** Refuses an action on public reference data outside the caller's scope (403, audited). */
    public void requireInScope(ServerRequest request, Predicate<Scope> covers, String entityType, Object entityId) {
        Actor actor = actor(request);
        if (!covers.test(actor.scope())) {
            deny(request, actor, entityType, String.valueOf(entityId), Map.of("reason", "OUT_OF_SCOPE"));
            throw ApiException.forbidden("OUT_OF_SCOPE", entityType, String.valueOf(entityId));
        }
    }

    /** An audited 403 for an action the caller's role may not take on this record. */
    public ApiException refuse(ServerRequest request, String entityType, Object entityId, String code) {
        deny(request, actor(request), entityType, String.valueOf(entityId), Map.of("reason", code));
        return ApiException.forbidden(code);
    }

    private void deny(ServerRequest request, Actor actor, String entityType, String entityId, Map<String, String> detail) {
        audit.appendAlone(AuditRecord.of(actor, ClientAddress.of(request), "ACCESS_DENIED", entityType, entityId,
                Outcome.DENIED, detail));
    }
}
