package cq.retirees.archcanary.moduleleak.billing;

import cq.retirees.archcanary.moduleleak.ledger.internal.Secret;

/** Violation: another module reaches into ledger.internal instead of going through the Ledger facade. */
public final class Snoop {
    public String peek(Secret secret) {
        return secret.value();
    }
}
