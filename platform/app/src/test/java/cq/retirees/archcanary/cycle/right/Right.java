package cq.retirees.archcanary.cycle.right;

import cq.retirees.archcanary.cycle.left.Left;

/** Violation: closes the cycle left -> right -> left. */
public final class Right {
    public Left left;
}
