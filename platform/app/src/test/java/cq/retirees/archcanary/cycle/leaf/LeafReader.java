package cq.retirees.archcanary.cycle.leaf;

/** Legal: a dependency inside one slice is no cycle between slices. */
public final class LeafReader {
    public Leaf leaf;
}
