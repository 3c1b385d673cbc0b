package cq.retirees.archcanary.moduleleak.app;

import cq.retirees.archcanary.moduleleak.ledger.internal.Secret;

/** Violation: platform code (here the composition root) is outside the module too. */
public final class Wiring {
    public Object wire() {
        return new Secret();
    }
}
