package cq.retirees.infra.security;

import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Cursor;
import cq.retirees.infra.http.Idempotency;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Page;
import cq.retirees.infra.http.PageRequest;
import cq.retirees.infra.http.Reply;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.http.Versions;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.UUID;

/** {@code /admin/users}: platform admins manage users, roles and scopes. */
final class UserAdminRoutes implements ApiService {

    private final DbClient db;
    private final UsersDb users;
    private final UserAdministration administration;
    private final Access access;
    private final Idempotency idempotency;
    private final JsonBodies bodies;

    UserAdminRoutes(DbClient db, UsersDb users, UserAdministration administration, Access access,
                    Idempotency idempotency, JsonBodies bodies) {
        this.db = db;
        this.users = users;
        this.administration = administration;
        this.access = access;
        this.idempotency = idempotency;
        this.bodies = bodies;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/admin/users", this::list),
                ApiRoute.post("/admin/users", this::create),
                ApiRoute.get("/admin/users/{id}", this::get),
                ApiRoute.patch("/admin/users/{id}", this::update));
    }

    private void list(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.PLATFORM_ADMIN);
        PageRequest page = PageRequest.from(request);
        String after = page.after(1).map(c -> c.key(0)).orElse("");
        List<UserView> fetched = users.page(db.execute(), after, page.fetchSize()).stream().map(UserView::of).toList();
        Responses.ok(response, Page.of(fetched, page, u -> Cursor.of(u.username())));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = access.requireAny(request, Role.PLATFORM_ADMIN);
        byte[] body = bodies.bytes(request);
        UserDraft draft = JsonBodies.parse(body, UserDraft.class);
        Reply reply = idempotency.execute(request, actor, body, tx -> {
            User user = administration.create(tx, actor, ClientAddress.of(request), draft);
            return Reply.created(UserView.of(user), "/api/v1/admin/users/" + user.id(), user.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.PLATFORM_ADMIN);
        User user = users.byId(db.execute(), id(request)).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "user"));
        Responses.okVersioned(response, UserView.of(user), user.version());
    }

    private void update(ServerRequest request, ServerResponse response) {
        Actor actor = access.requireAny(request, Role.PLATFORM_ADMIN);
        UUID id = id(request);
        long expected = Versions.expected(request);
        UserChanges changes = bodies.read(request, UserChanges.class);
        User user = new Transactions(db).inTransaction(tx ->
                administration.update(tx, actor, ClientAddress.of(request), id, expected, changes));
        Responses.okVersioned(response, UserView.of(user), user.version());
    }

    private static UUID id(ServerRequest request) {
        try {
            return UUID.fromString(request.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("NOT_FOUND", "user");
        }
    }
}
