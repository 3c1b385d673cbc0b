package cq.retirees.infra.security;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.Problems;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Requires a live bearer token on every {@code /api/v1} route except login, and puts the caller's {@link Actor}
 * into the request context. The session's last-seen time is written at most once a minute per session.
 */
public final class BearerAuthentication implements Filter {

    private static final String PREFIX = "/api/v1/";
    private static final Set<String> OPEN = Set.of("/api/v1/auth/login");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DbClient db;
    private final SessionsDb sessions;
    private final SecuritySettings settings;
    private final Problems problems;

    BearerAuthentication(DbClient db, SessionsDb sessions, SecuritySettings settings, Problems problems) {
        this.db = db;
        this.sessions = sessions;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        if (!path.startsWith(PREFIX) || OPEN.contains(path)) {
            chain.proceed();
            return;
        }
        String token = bearerToken(request);
        if (token == null) {
            refuse(request, response);
            return;
        }
        String hash = BearerTokens.hash(token);
        var session = sessions.live(db.execute(), hash, settings.idleTimeout());
        if (session.isEmpty()) {
            refuse(request, response);
            return;
        }
        if (session.get().lastSeenAt().isBefore(Instant.now().minus(TOUCH_EVERY))) {
            sessions.touch(db.execute(), hash);
        }
        request.context().register(session.get().user().toActor());
        request.context().register(new PresentedToken(token));
        chain.proceed();
    }

    private void refuse(RoutingRequest request, RoutingResponse response) {
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"cq-retirees\"");
        problems.write(request, response, ApiException.of(401, "UNAUTHENTICATED"));
    }

    private static String bearerToken(RoutingRequest request) {
        return request.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty() && t.length() <= 256)
                .orElse(null);
    }

    /** The token the request came with, for logout. */
    record PresentedToken(String value) {
    }
}
