package cq.retirees.archcanary.cycle.left;

import cq.retirees.archcanary.cycle.leaf.Leaf;
import cq.retirees.archcanary.cycle.right.Right;

/** Violation: left -> right -> left. */
public final class Left {
    public Right right;
    public Leaf leaf;
}
