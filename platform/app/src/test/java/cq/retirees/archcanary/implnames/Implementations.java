package cq.retirees.archcanary.implnames;

/** Legal: "Impl" inside a name is fine; only the suffix is banned. */
public final class Implementations {
}
