package cq.retirees.infra.http;

import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.ServerRequest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The routes the server serves, as data, for answering a request no route took: a path served for other methods is
 * {@code 405 METHOD_NOT_ALLOWED} with {@code Allow} naming them (RFC 9110), any other path {@code 404
 * ROUTE_NOT_FOUND}.
 */
public final class KnownRoutes {

    /** One served route: a method and a full path pattern such as {@code /api/v1/areas/{code}}. */
    public record Route(Method method, String path) {
        @Override
        public String toString() {
            return method.text() + " " + path;
        }
    }

    private record Matching(Method method, PathMatcher path) {
    }

    private final List<Matching> routes;

    public KnownRoutes(List<Route> routes) {
        this.routes = routes.stream().map(r -> new Matching(r.method(), PathMatchers.create(r.path()))).toList();
    }

    /** The refusal for a request that no route took. */
    public ApiException notRouted(ServerRequest request) {
        Set<String> allowed = routes.stream()
                .filter(route -> route.path().match(request.path()).accepted())
                .map(route -> route.method().text())
                .collect(Collectors.toCollection(TreeSet::new));
        if (allowed.isEmpty() || allowed.contains(request.prologue().method().text())) {
            return ApiException.of(404, "ROUTE_NOT_FOUND");
        }
        String allow = String.join(", ", allowed);
        return ApiException.of(405, "METHOD_NOT_ALLOWED", allow).withHeader("Allow", allow);
    }
}
