package cq.retirees.archcanary.implnames;

/** Violation: the name says nothing but "implements". */
public final class SomethingImpl {
}
