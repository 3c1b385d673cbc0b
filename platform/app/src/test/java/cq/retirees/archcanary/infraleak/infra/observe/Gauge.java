package cq.retirees.archcanary.infraleak.infra.observe;

import cq.retirees.archcanary.infraleak.kernel.Amount;

/** Legal: infra depends on the kernel. */
public final class Gauge {
    public Amount last;
}
