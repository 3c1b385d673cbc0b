package cq.retirees.handover.internal;

/** Who signs a batch's checklist: the enterprise handing over, and the receiving body or district. */
enum SigningSide {
    ENTERPRISE,
    RECEIVING
}
