package cq.retirees.archcanary.routenames;

import io.helidon.webserver.http.HttpRules;

/** Violation: an HTTP service through an interface, still not named *Routes. */
public final class StatusPage implements ApiLike {
    @Override
    public void routing(HttpRules rules) {
    }
}
