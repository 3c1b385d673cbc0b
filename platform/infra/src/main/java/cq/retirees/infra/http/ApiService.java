package cq.retirees.infra.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.util.List;

/**
 * An HTTP service whose routes are data: the composition root mounts it, and the OpenAPI test compares the
 * route table with the published document so neither can drift from the other.
 */
public interface ApiService extends HttpService {

    List<ApiRoute> routes();

    @Override
    default void routing(HttpRules rules) {
        routes().forEach(route -> rules.route(route.method(), route.path(), route.handler()));
    }
}
