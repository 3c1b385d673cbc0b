package cq.retirees.archcanary.cycle.leaf;

/** Legal: depended on by left, depends on nothing, so it is in no cycle. */
public final class Leaf {
}
