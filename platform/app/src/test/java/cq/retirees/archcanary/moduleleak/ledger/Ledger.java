package cq.retirees.archcanary.moduleleak.ledger;

import cq.retirees.archcanary.moduleleak.ledger.internal.Secret;

/** Legal: a module uses its own internals behind its facade. */
public final class Ledger {
    private final Secret secret = new Secret();

    public String balance() {
        return secret.value();
    }
}
