package cq.retirees.archcanary.infraleak.infra.db;

import cq.retirees.archcanary.infraleak.billing.Invoices;

/** Violation: infrastructure that knows a domain module. */
public final class Pool {
    public long size(Invoices invoices) {
        return invoices.count();
    }
}
