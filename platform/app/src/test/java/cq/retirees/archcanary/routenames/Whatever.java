package cq.retirees.archcanary.routenames;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Violation: an HTTP service not named *Routes. */
public final class Whatever implements HttpService {
    @Override
    public void routing(HttpRules rules) {
    }
}
