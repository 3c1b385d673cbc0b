package cq.retirees.registry.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Cursor;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Page;
import cq.retirees.infra.http.PageRequest;
import cq.retirees.infra.http.Reply;
import cq.retirees.infra.http.RequestIds;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.kernel.access.Scope;
import cq.retirees.registry.Enterprise;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /enterprises}: municipal admins register them; operators see and correct their own. */
public final class EnterpriseRoutes implements ApiService {

    private final PlatformServices platform;
    private final EnterprisesDb enterprises;
    private final EnterpriseRegistration registration;

    public EnterpriseRoutes(PlatformServices platform, EnterprisesDb enterprises, EnterpriseRegistration registration) {
        this.platform = platform;
        this.enterprises = enterprises;
        this.registration = registration;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/enterprises", this::list),
                ApiRoute.post("/enterprises", this::create),
                ApiRoute.get("/enterprises/{id}", this::get),
                ApiRoute.patch("/enterprises/{id}", this::update));
    }

    /** Enterprise operators see their enterprises; district operators those insured or located in their areas. */
    static boolean covers(Scope scope, Enterprise e) {
        return scope.coversEnterprise(e.id()) || scope.coversArea(e.insuredArea()) || scope.coversArea(e.locationArea());
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        PageRequest page = PageRequest.from(request);
        Cursor after = page.after(2).orElse(Cursor.of("", new UUID(0, 0).toString()));
        List<Enterprise> fetched = enterprises.page(platform.db().execute(), ScopeFilter.of(actor.scope()),
                after.key(0), after.uuidKey(1), page.fetchSize());
        Page<Enterprise> result = Page.of(fetched, page, e -> Cursor.of(e.name(), e.id().toString()));
        Responses.ok(response, new Page<>(result.items().stream().map(e -> view(e, request)).toList(),
                result.nextCursor()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN);
        byte[] body = platform.bodies().bytes(request);
        EnterpriseDraft draft = JsonBodies.parse(body, EnterpriseDraft.class);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Enterprise created = registration.register(tx, actor, ClientAddress.of(request), draft);
            return Reply.created(view(created, request), "/api/v1/enterprises/" + created.id(), created.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Enterprise enterprise = visible(request);
        Responses.okVersioned(response, view(enterprise, request), enterprise.version());
    }

    private void update(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR);
        Enterprise current = visible(request);
        if (!actor.has(Role.MUNICIPAL_ADMIN) && !actor.scope().coversEnterprise(current.id())) {
            throw ApiException.notFound("NOT_FOUND", "enterprise");
        }
        long expected = Versions.expected(request);
        EnterpriseDraft draft = platform.bodies().read(request, EnterpriseDraft.class);
        if (!actor.has(Role.MUNICIPAL_ADMIN) && draft.category() != null
                && !draft.category().equals(current.category().name())) {
            throw platform.access().refuse(request, "enterprise", current.id(), "CATEGORY_CHANGE_NEEDS_MUNICIPAL_ADMIN");
        }
        Enterprise changed = platform.transactions().inTransaction(tx -> registration.change(tx, actor,
                ClientAddress.of(request), current, expected, draft, parent -> covers(actor.scope(), parent)));
        Responses.okVersioned(response, view(changed, request), changed.version());
    }

    private Enterprise visible(ServerRequest request) {
        UUID id = RequestIds.pathId(request, "enterprise");
        return platform.access().visible(request, enterprises.byId(platform.db().execute(), id),
                EnterpriseRoutes::covers, "enterprise", id);
    }

    private EnterpriseView view(Enterprise e, ServerRequest request) {
        Language language = Language.of(request);
        return new EnterpriseView(e.id(), e.creditCode().value(), e.name(), e.category().name(),
                platform.messages().label("EnterpriseCategory", e.category().name(), language), e.parentId(),
                e.insuredArea().value(), e.locationArea().value(), e.version(), e.createdAt(), e.updatedAt());
    }

    record EnterpriseView(UUID id, String creditCode, String name, String category, String categoryLabel,
                          UUID parentId, String insuredAreaCode, String locationAreaCode, long version,
                          Instant createdAt, Instant updatedAt) {
    }
}
