package cq.retirees.archcanary.routenames;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Legal: an HTTP service named *Routes. */
public final class GreetingRoutes implements HttpService {
    @Override
    public void routing(HttpRules rules) {
    }
}
