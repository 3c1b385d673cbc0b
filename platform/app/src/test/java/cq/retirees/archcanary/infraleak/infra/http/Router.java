package cq.retirees.archcanary.infraleak.infra.http;

import cq.retirees.archcanary.infraleak.app.Wiring;

/** Violation: infrastructure that reaches up into the composition root. */
public final class Router {
    public Wiring wiring;
}
