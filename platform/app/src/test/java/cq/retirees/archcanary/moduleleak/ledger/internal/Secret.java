package cq.retirees.archcanary.moduleleak.ledger.internal;

/** Private to the ledger module. */
public final class Secret {
    public String value() {
        return "balance";
    }
}
