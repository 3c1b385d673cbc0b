package cq.retirees.handover.internal;

/** Where a handover item stands; NOT_APPLICABLE covers e.g. an enterprise that has no dedicated venue. */
enum ItemStatus {
    OPEN,
    DONE,
    NOT_APPLICABLE;

    boolean closed() {
        return this != OPEN;
    }
}
