package cq.retirees.infra.security;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Responses;
import cq.retirees.kernel.access.Actor;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /auth}: login, logout, who am I. */
final class AuthRoutes implements ApiService {

    record LoginRequest(String username, String password) {
    }

    record LoginResponse(String token, Instant expiresAt, UserView user) {
    }

    private final Logins logins;
    private final UsersDb users;
    private final io.helidon.dbclient.DbClient db;
    private final JsonBodies bodies;

    AuthRoutes(Logins logins, UsersDb users, io.helidon.dbclient.DbClient db, JsonBodies bodies) {
        this.logins = logins;
        this.users = users;
        this.db = db;
        this.bodies = bodies;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/auth/login", this::login),
                ApiRoute.post("/auth/logout", this::logout),
                ApiRoute.get("/auth/me", this::me));
    }

    private void login(ServerRequest request, ServerResponse response) {
        LoginRequest body = bodies.read(request, LoginRequest.class);
        List<FieldError> errors = new ArrayList<>();
        if (body.username() == null || body.username().isBlank() || body.username().length() > 64) {
            errors.add(FieldError.of("username", "FIELD_REQUIRED"));
        }
        if (body.password() == null || body.password().isEmpty() || body.password().length() > 1024) {
            errors.add(FieldError.of("password", "FIELD_REQUIRED"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Logins.Granted granted = logins.login(body.username().strip(), body.password(), ClientAddress.of(request));
        Responses.ok(response, new LoginResponse(granted.token(), granted.expiresAt(), UserView.of(granted.user())));
    }

    private void logout(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        String token = request.context().get(BearerAuthentication.PresentedToken.class).orElseThrow().value();
        logins.logout(actor, token, ClientAddress.of(request));
        response.status(Status.NO_CONTENT_204).send();
    }

    private void me(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        User user = users.byId(db.execute(), actor.userId()).orElseThrow(() -> ApiException.of(401, "UNAUTHENTICATED"));
        Responses.ok(response, UserView.of(user));
    }
}
